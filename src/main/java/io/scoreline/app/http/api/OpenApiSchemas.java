package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * JSON Schemas (OpenAPI 3.1) of the Java types an endpoint reads and answers, as Micronaut Serde
 * writes them: a record is an object of its components (by their {@code @JsonProperty} names),
 * required unless {@code @Nullable} or {@code Optional}; records and enums are named once under
 * {@code components/schemas} and referred to; a generic record ({@link ApiPage}) is written out
 * in place with its type argument. One instance per document: it collects the named schemas.
 */
final class OpenApiSchemas {

    static final String REF_PREFIX = "#/components/schemas/";

    private final Map<String, Object> named = new TreeMap<>();
    private final Map<Class<?>, String> names = new HashMap<>();
    private final Set<Class<?>> requests = new HashSet<>();

    /** The schemas referred to so far, by name. */
    Map<String, Object> components() {
        return named;
    }

    /** The schema of {@code type}: a {@code $ref} for a record or an enum, inline otherwise. */
    Map<String, Object> of(Type type) {
        return of(type, Map.of());
    }

    /**
     * The schema of a request record ({@link ApiEndpoint#request()}): the fields the endpoint
     * accepts. Which of them it needs is the endpoint's to check (through {@link JsonBody}), not
     * the record's, so none is marked required.
     */
    Map<String, Object> ofRequest(Class<?> request) {
        requests.add(request);
        return of(request);
    }

    /** Whether {@code type} may be absent or null in JSON ({@code Optional} or a nullable wrapper). */
    static boolean optional(Type type) {
        var raw = raw(type);
        return raw == Optional.class
                || raw == OptionalInt.class
                || raw == OptionalLong.class
                || raw == OptionalDouble.class;
    }

    /** The JSON name of a record component: its {@code @JsonProperty} (on the accessor or field), else its name. */
    static String jsonName(RecordComponent component) {
        var property = annotation(component, JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }

    private Map<String, Object> of(Type type, Map<TypeVariable<?>, Type> bindings) {
        return switch (type) {
            case Class<?> c -> ofClass(c);
            case ParameterizedType p -> ofParameterized(p, bindings);
            case GenericArrayType a -> array(of(a.getGenericComponentType(), bindings));
            case TypeVariable<?> v -> bindings.containsKey(v) ? of(bindings.get(v), bindings) : Map.of();
            case WildcardType w -> w.getUpperBounds().length == 1 ? of(w.getUpperBounds()[0], bindings) : Map.of();
            default -> Map.of();
        };
    }

    private Map<String, Object> ofClass(Class<?> c) {
        var scalar = scalar(c);
        if (scalar != null) {
            return scalar;
        }
        if (c.isArray()) {
            return array(ofClass(c.getComponentType()));
        }
        if (Collection.class.isAssignableFrom(c)) {
            return array(Map.of());
        }
        if (Map.class.isAssignableFrom(c) || JsonNode.class.isAssignableFrom(c) || c == Object.class) {
            return Map.of("type", "object");
        }
        if (c.isEnum() || (c.isRecord() && c.getTypeParameters().length == 0)) {
            return ref(c);
        }
        if (c.isRecord()) {
            // A generic record without its type arguments: its variables are unconstrained.
            return recordSchema(c, Map.of());
        }
        return Map.of("type", "object");
    }

    private Map<String, Object> ofParameterized(ParameterizedType p, Map<TypeVariable<?>, Type> bindings) {
        var raw = raw(p);
        var arguments = p.getActualTypeArguments();
        if (raw == Optional.class) {
            return nullable(of(arguments[0], bindings));
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return array(of(arguments[0], bindings));
        }
        if (Map.class.isAssignableFrom(raw)) {
            return Map.of("type", "object", "additionalProperties", of(arguments[1], bindings));
        }
        if (raw.isRecord()) {
            var bound = new HashMap<>(bindings);
            var variables = raw.getTypeParameters();
            for (int i = 0; i < variables.length; i++) {
                bound.put(variables[i], resolve(arguments[i], bindings));
            }
            return recordSchema(raw, bound);
        }
        return ofClass(raw);
    }

    private static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
        return type instanceof TypeVariable<?> v && bindings.containsKey(v) ? bindings.get(v) : type;
    }

    private Map<String, Object> ref(Class<?> c) {
        var name = names.get(c);
        if (name == null) {
            name = uniqueName(c);
            names.put(c, name);
            // Named before it is written out, so a record that refers to itself ends.
            named.put(name, Map.of());
            named.put(name, c.isEnum() ? enumSchema(c) : recordSchema(c, Map.of()));
        }
        return Map.of("$ref", REF_PREFIX + name);
    }

    private String uniqueName(Class<?> c) {
        var simple = c.getSimpleName();
        var name = c.getEnclosingClass() == null || !named.containsKey(simple)
                ? simple
                : c.getEnclosingClass().getSimpleName() + simple;
        var candidate = name;
        for (int i = 2; named.containsKey(candidate); i++) {
            candidate = name + i;
        }
        return candidate;
    }

    private Map<String, Object> recordSchema(Class<?> record, Map<TypeVariable<?>, Type> bindings) {
        var properties = new LinkedHashMap<String, Object>();
        var required = new ArrayList<String>();
        for (var component : record.getRecordComponents()) {
            var name = jsonName(component);
            var type = component.getGenericType();
            var schema = of(type, bindings);
            if (optional(type)) {
                properties.put(name, schema);
            } else if (nullable(component)) {
                properties.put(name, nullable(schema));
            } else {
                properties.put(name, schema);
                if (!requests.contains(record)) {
                    required.add(name);
                }
            }
        }
        var schema = new LinkedHashMap<String, Object>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return schema;
    }

    private static Map<String, Object> enumSchema(Class<?> type) {
        var values = new ArrayList<String>();
        for (var constant : type.getEnumConstants()) {
            var name = ((Enum<?>) constant).name();
            try {
                Field field = type.getField(name);
                var property = field.getAnnotation(JsonProperty.class);
                values.add(property != null && !property.value().isEmpty() ? property.value() : name);
            } catch (NoSuchFieldException e) {
                values.add(name);
            }
        }
        return Map.of("type", "string", "enum", values);
    }

    private static Map<String, Object> array(Map<String, Object> items) {
        return Map.of("type", "array", "items", items);
    }

    /** {@code schema} or JSON null: a union of types, or for a reference a {@code oneOf}. */
    static Map<String, Object> nullable(Map<String, Object> schema) {
        var type = schema.get("type");
        if (type instanceof String single) {
            var copy = new LinkedHashMap<>(schema);
            copy.put("type", List.of(single, "null"));
            return copy;
        }
        if (type instanceof List<?> types && types.contains("null")) {
            return schema;
        }
        if (schema.isEmpty()) {
            return schema;
        }
        return Map.of("oneOf", List.of(schema, Map.of("type", "null")));
    }

    private static Map<String, Object> scalar(Class<?> c) {
        if (c == String.class || CharSequence.class.isAssignableFrom(c) || c == char.class || c == Character.class) {
            return Map.of("type", "string");
        }
        if (c == long.class || c == Long.class || c == OptionalLong.class) {
            return Map.of("type", "integer", "format", "int64");
        }
        if (c == int.class
                || c == Integer.class
                || c == short.class
                || c == Short.class
                || c == byte.class
                || c == Byte.class
                || c == OptionalInt.class) {
            return Map.of("type", "integer", "format", "int32");
        }
        if (c == BigInteger.class) {
            return Map.of("type", "integer");
        }
        if (c == double.class
                || c == Double.class
                || c == float.class
                || c == Float.class
                || c == BigDecimal.class
                || c == OptionalDouble.class) {
            return Map.of("type", "number");
        }
        if (c == boolean.class || c == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (c == Instant.class || c == OffsetDateTime.class || c == ZonedDateTime.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (c == LocalDateTime.class) {
            return Map.of("type", "string", "pattern", "^\\d{4}-\\d{2}-\\d{2}T");
        }
        if (c == LocalDate.class) {
            return Map.of("type", "string", "format", "date");
        }
        if (c == LocalTime.class) {
            return Map.of("type", "string", "format", "time");
        }
        if (c == Duration.class) {
            return Map.of("type", "string", "format", "duration");
        }
        if (c == UUID.class) {
            return Map.of("type", "string", "format", "uuid");
        }
        if (c == URI.class) {
            return Map.of("type", "string", "format", "uri");
        }
        if (ZoneId.class.isAssignableFrom(c)) {
            return Map.of("type", "string", "description", "an IANA time zone");
        }
        return null;
    }

    private static Class<?> raw(Type type) {
        return switch (type) {
            case Class<?> c -> c;
            case ParameterizedType p -> (Class<?>) p.getRawType();
            default -> Object.class;
        };
    }

    /**
     * A {@code @Nullable} of any library (Micronaut, Jakarta, JSpecify), however it reached the
     * component: as a declaration annotation on the accessor or field, or on the type in use.
     */
    private static boolean nullable(RecordComponent component) {
        List<AnnotatedElement> places = new ArrayList<>(List.of(component, component.getAccessor()));
        try {
            places.add(component.getDeclaringRecord().getDeclaredField(component.getName()));
        } catch (NoSuchFieldException e) {
            // Every component has its field; nothing more to look at if not.
        }
        places.add(component.getAnnotatedType());
        return places.stream()
                .flatMap(place -> Arrays.stream(place.getAnnotations()))
                .anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"));
    }

    private static <A extends java.lang.annotation.Annotation> A annotation(RecordComponent component, Class<A> type) {
        var found = component.getAnnotation(type);
        if (found == null) {
            found = component.getAccessor().getAnnotation(type);
        }
        if (found == null) {
            try {
                found = component
                        .getDeclaringRecord()
                        .getDeclaredField(component.getName())
                        .getAnnotation(type);
            } catch (NoSuchFieldException e) {
                return null;
            }
        }
        return found;
    }
}
