package io.scoreline.connectors.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.mappings.CrmProvider;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every provider has its connector's profile on the class path (listed in META-INF/services), under its own key. */
class CrmProfilesTest {

    @Test
    void everyProviderHasItsProfile() {
        for (var provider : CrmProvider.values()) {
            assertThat(CrmProfiles.of(provider).provider()).isEqualTo(provider);
        }
        assertThat(CrmProfiles.all()).extracting(CrmProfile::provider).containsExactly(CrmProvider.values());
    }

    @Test
    void aCrmWithEndpointSecretsPostsToIntegrationEndpoints() {
        // The webhook controller routes /webhooks/{provider}/{id}/{secret} only to such CRMs (and its
        // path(id, secret) assumes there is one), and
        // IntegrationStore gives only their integrations a secret: the two answers must agree.
        Arrays.stream(CrmProvider.values())
                .map(CrmProfiles::of)
                .forEach(profile -> assertThat(profile.webhooks().postsToIntegrationEndpoints())
                        .as(profile.displayName())
                        .isEqualTo(profile.usesEndpointSecret()));
        assertThat(CrmProfiles.all().stream()
                        .filter(CrmProfile::usesEndpointSecret)
                        .count())
                .isEqualTo(1);
    }
}
