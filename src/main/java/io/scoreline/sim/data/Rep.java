package io.scoreline.sim.data;

import java.time.Instant;

/**
 * A sales rep: a Salesforce User and a HubSpot owner. {@code number} is the rep's stable position
 * in the dataset; both simulators derive their CRM ids from it.
 *
 * @param deactivatedAt when an inactive rep left; null for active reps
 */
public record Rep(
        int number,
        String firstName,
        String lastName,
        String email,
        boolean active,
        Instant createdAt,
        Instant deactivatedAt) {

    public String fullName() {
        return firstName + " " + lastName;
    }
}
