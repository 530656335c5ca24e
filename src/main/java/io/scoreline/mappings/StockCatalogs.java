package io.scoreline.mappings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Loads and caches the catalogs shipped on the classpath under {@code mappings/<provider>/}. */
final class StockCatalogs {

    private static final Map<CrmProvider, FieldCatalog> LOADED = new ConcurrentHashMap<>();

    private StockCatalogs() {}

    static FieldCatalog load(CrmProvider provider) {
        return LOADED.computeIfAbsent(provider, StockCatalogs::read);
    }

    private static FieldCatalog read(CrmProvider provider) {
        var resource = "mappings/" + provider.key() + "/catalog.yaml";
        try (var in = StockCatalogs.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("stock catalog " + resource + " is missing from the classpath");
            }
            return FieldCatalogReader.read(provider, resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stock catalog " + resource, e);
        }
    }
}
