package io.scoreline.app.console.mappings;

import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.Problem;
import io.scoreline.pipeline.facts.MissingFields;
import io.scoreline.pipeline.rules.RuleDraftPreview;
import io.scoreline.pipeline.rules.RuleSetHistory;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What {@code mappings/editor.jte} shows of one integration's rules.
 *
 * @param document    the text in the editor: the active version's, or what was submitted
 * @param problems    the submitted text's problems in document order; empty before a check
 * @param preview     the submitted text's facts against the active version; empty before a check
 * @param remap       what a remap with the active rules would read again; empty without rules
 * @param suggestions field names, object names and picklist values of the catalog, for completion
 */
public record MappingEditorView(
        long integrationId,
        String provider,
        String document,
        boolean checked,
        List<Problem> problems,
        Optional<RuleDraftPreview.Preview.Compared> preview,
        List<RuleSetHistory.VersionSummary> versions,
        Optional<MissingFields> remap,
        List<CatalogObject> objects,
        List<String> suggestions) {

    /** One object of the catalog as the page lists it. */
    public record CatalogObject(String name, List<String> fields) {}

    public boolean valid() {
        return problems.stream().noneMatch(p -> p.severity() == Problem.Severity.ERROR);
    }

    /** The catalog's objects with their fields ({@code Status = 'Completed' | 'Deferred'} for picklists). */
    static List<CatalogObject> objects(FieldCatalog catalog) {
        return catalog.objectsByLowerName().values().stream()
                .sorted(java.util.Comparator.comparing(o -> o.name().toLowerCase(java.util.Locale.ROOT)))
                .map(o -> new CatalogObject(
                        o.name(),
                        o.fields().stream()
                                .sorted(java.util.Comparator.comparing(
                                        f -> f.name().toLowerCase(java.util.Locale.ROOT)))
                                .map(f -> f.name() + " (" + f.crmType() + ")"
                                        + (f.hasOptions()
                                                ? ": "
                                                        + String.join(
                                                                ", ",
                                                                f.options().stream()
                                                                        .map(v -> "'" + v.value() + "'")
                                                                        .toList())
                                                : ""))
                                .toList()))
                .toList();
    }

    /** What completion offers: object and field names, and picklist values quoted as a rule writes them. */
    static List<String> suggestions(FieldCatalog catalog) {
        var words = new TreeSet<String>(String.CASE_INSENSITIVE_ORDER);
        for (var object : catalog.objectsByLowerName().values()) {
            words.add(object.name());
            for (var field : object.fields()) {
                words.add(field.name());
                field.options().forEach(option -> words.add("'" + option.value() + "'"));
            }
        }
        return List.copyOf(words);
    }
}
