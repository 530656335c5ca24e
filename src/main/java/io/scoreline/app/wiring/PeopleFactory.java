package io.scoreline.app.wiring;

import io.micronaut.context.annotation.Factory;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.people.CrmTeamPlacement;
import io.scoreline.pipeline.people.ProfileStore;
import io.scoreline.pipeline.people.TeamStore;
import jakarta.inject.Singleton;

/** Wires the people model's stores (ADR 0037); the use cases Teams and Profiles are beans of their own. */
@Factory
public class PeopleFactory {

    @Singleton
    TeamStore teamStore(TenantTransactions transactions) {
        return new TeamStore(transactions);
    }

    @Singleton
    CrmTeamPlacement crmTeamPlacement(TenantTransactions transactions) {
        return new CrmTeamPlacement(transactions);
    }

    @Singleton
    ProfileStore profileStore(TenantTransactions transactions) {
        return new ProfileStore(transactions);
    }
}
