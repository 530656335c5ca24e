package io.scoreline.mappings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The stock templates as tests read them: from the classpath, like the application does. */
public final class StockTemplates {

    private StockTemplates() {}

    public static String text(CrmProvider provider) {
        var resource = "mappings/" + provider.key() + ".yaml";
        try (var in = StockTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RuleSet compiled(CrmProvider provider) {
        return ((CompileResult.Compiled) MappingCompiler.compile(text(provider), FieldCatalog.stock(provider)))
                .ruleSet();
    }
}
