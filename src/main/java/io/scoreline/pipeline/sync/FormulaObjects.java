package io.scoreline.pipeline.sync;

import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.FieldDef;
import io.scoreline.mappings.RuleSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects whose active rules read a formula field ({@code calculated} in the account's
 * catalog), with those fields: a formula's value changes when its inputs on other records change,
 * without the record's modification stamp moving, so the live cursor never sees it.
 */
final class FormulaObjects {

    private FormulaObjects() {}

    /** Object type (rule spelling) to the formula fields its rules read; objects without any are left out. */
    static Map<String, List<String>> of(RuleSet rules, FieldCatalog catalog) {
        var formulas = new LinkedHashMap<String, List<String>>();
        rules.fieldsByObject()
                .forEach((objectType, fields) -> catalog.object(objectType).ifPresent(schema -> {
                    var calculated = fields.stream()
                            .filter(field -> schema.field(field)
                                    .map(FieldDef::calculated)
                                    .orElse(false))
                            .toList();
                    if (!calculated.isEmpty()) {
                        formulas.put(objectType, calculated);
                    }
                }));
        return formulas;
    }
}
