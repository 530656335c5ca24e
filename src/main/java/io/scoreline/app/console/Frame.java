package io.scoreline.app.console;

import java.util.Optional;

/**
 * What the layout ({@code layout.jte}) needs besides the page's own content.
 *
 * @param organization the signed-in organization's name; empty before one is known
 * @param csrfToken    the value of every form's hidden {@link ConsoleForm#CSRF_FIELD}
 * @param signedIn     whether to show navigation and the sign-out button
 * @param error        a message shown above the content (a refused form's reason)
 */
public record Frame(
        String title,
        Section section,
        Optional<String> organization,
        String csrfToken,
        boolean signedIn,
        Optional<String> error) {

    public Frame withError(String message) {
        return new Frame(title, section, organization, csrfToken, signedIn, Optional.of(message));
    }
}
