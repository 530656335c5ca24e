package io.scoreline.mappings;

/** How one KPI's rule differs between two versions of a rule document. */
public sealed interface RuleChange {

    String kpi();

    /** The rule lines printed for this change, each prefixed with {@code +}, {@code -} or a space. */
    String format();

    record Added(String kpi, String rule) implements RuleChange {
        @Override
        public String format() {
            return prefixed("+ ", rule);
        }
    }

    record Removed(String kpi, String rule) implements RuleChange {
        @Override
        public String format() {
            return prefixed("- ", rule);
        }
    }

    record Changed(String kpi, String before, String after) implements RuleChange {
        @Override
        public String format() {
            var out = new StringBuilder("  " + kpi + ":\n");
            var old = before.lines().skip(1).toList();
            var now = after.lines().skip(1).toList();
            old.stream()
                    .filter(line -> !now.contains(line))
                    .forEach(line -> out.append("- ").append(line).append('\n'));
            now.stream()
                    .filter(line -> !old.contains(line))
                    .forEach(line -> out.append("+ ").append(line).append('\n'));
            return out.toString();
        }
    }

    private static String prefixed(String prefix, String rule) {
        var out = new StringBuilder();
        rule.lines().forEach(line -> out.append(prefix).append(line).append('\n'));
        return out.toString();
    }
}
