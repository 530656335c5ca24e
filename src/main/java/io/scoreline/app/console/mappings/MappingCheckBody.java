package io.scoreline.app.console.mappings;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.mappings.Problem;
import io.scoreline.pipeline.rules.RuleDraftPreview;
import java.util.List;

/**
 * What the editor's script receives as one types ({@code POST /console/mappings/ID/preview}): the
 * problems, as {@code POST …/rule-sets/validate} lists them, and the preview when there are no errors.
 */
@Serdeable
public record MappingCheckBody(
        boolean valid, List<ProblemBody> problems, @Nullable PreviewBody preview) {

    @Serdeable
    public record ProblemBody(int line, int column, String severity, String message) {
        static ProblemBody of(Problem problem) {
            return new ProblemBody(
                    problem.line(),
                    problem.column(),
                    problem.severity().name().toLowerCase(java.util.Locale.ROOT),
                    problem.message());
        }
    }

    @Serdeable
    public record PreviewBody(
            int records,
            @JsonProperty("active_version") @Nullable Integer activeVersion,
            List<KpiBody> kpis) {}

    @Serdeable
    public record KpiBody(
            String kpi,
            @JsonProperty("draft_facts") long draftFacts,
            @JsonProperty("draft_value") String draftValue,
            @JsonProperty("active_facts") long activeFacts,
            @JsonProperty("active_value") String activeValue,
            String change) {}

    static MappingCheckBody of(RuleDraftPreview.Preview preview) {
        return switch (preview) {
            case RuleDraftPreview.Preview.Rejected rejected ->
                new MappingCheckBody(
                        false, rejected.problems().stream().map(ProblemBody::of).toList(), null);
            case RuleDraftPreview.Preview.Compared compared ->
                new MappingCheckBody(
                        true,
                        compared.warnings().stream().map(ProblemBody::of).toList(),
                        new PreviewBody(
                                compared.records(),
                                compared.activeVersion().orElse(null),
                                compared.kpis().stream()
                                        .map(k -> new KpiBody(
                                                k.kpi(),
                                                k.draftFacts(),
                                                k.draftValue().toPlainString(),
                                                k.activeFacts(),
                                                k.activeValue().toPlainString(),
                                                k.change().name().toLowerCase(java.util.Locale.ROOT)))
                                        .toList()));
        };
    }
}
