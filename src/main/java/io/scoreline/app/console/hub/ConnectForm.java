package io.scoreline.app.console.hub;

import io.scoreline.app.console.ConsoleForm;
import io.scoreline.connectors.spi.CredentialFields;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.integrations.NewIntegration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Reads the connect form into the request {@code integration add} makes, with the same checks
 * (the CRM's profile validates credentials and settings). No message names a credential's value.
 */
final class ConnectForm {

    /** The credential fields the form offers; those left empty are not sent to the CRM's profile. */
    static final List<String> CREDENTIALS = List.of("private_app_token", "client_id", "client_secret", "refresh_token");

    private ConnectForm() {}

    static NewIntegration read(ConsoleForm form) {
        var provider = CrmProvider.fromKey(form.required("provider", "the CRM"));
        var given = new LinkedHashMap<String, String>();
        for (var name : CREDENTIALS) {
            optional(form, name).ifPresent(value -> given.put(name, value));
        }
        var credentials = CredentialFields.resolve(provider, given);
        var request = NewIntegration.of(
                0,
                provider,
                credentials,
                optional(form, "login_url"),
                optional(form, "base_url"),
                optional(form, "portal_id"));
        return request.withWebhookAccountId(optional(form, "salesforce_org_id"));
    }

    private static Optional<String> optional(ConsoleForm form, String name) {
        return form.value(name).map(String::strip).filter(v -> !v.isEmpty());
    }
}
