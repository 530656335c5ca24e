package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashSet;
import java.util.Set;

/** The JSON field names of a request record: each component, by its {@code @JsonProperty} name when it has one. */
final class RequestFields {

    private RequestFields() {}

    static Set<String> of(Class<? extends Record> request) {
        var names = new LinkedHashSet<String>();
        for (var component : request.getRecordComponents()) {
            // @JsonProperty cannot target a record component: Java puts it on the accessor (and field).
            var property = component.getAccessor().getAnnotation(JsonProperty.class);
            names.add(property != null && !property.value().isEmpty() ? property.value() : component.getName());
        }
        return Set.copyOf(names);
    }
}
