package io.scoreline.sim.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps method and path patterns to handlers; the first registered match wins. */
public final class Router {

    /** A handler that receives the path's capture groups. */
    @FunctionalInterface
    public interface Route {
        Reply handle(SimRequest request, List<String> pathGroups);
    }

    private record Entry(String method, Pattern path, Route route) {}

    private final List<Entry> entries = new ArrayList<>();

    public Router on(String method, String pathRegex, Route route) {
        entries.add(new Entry(method, Pattern.compile(pathRegex), route));
        return this;
    }

    /** The reply of the matching route, or empty when no route matches the path and method. */
    public Optional<Reply> dispatch(SimRequest request) {
        for (Entry entry : entries) {
            Matcher matcher = entry.path.matcher(request.path());
            if (matcher.matches() && entry.method.equals(request.method())) {
                List<String> groups = new ArrayList<>();
                for (int i = 1; i <= matcher.groupCount(); i++) {
                    groups.add(matcher.group(i));
                }
                return Optional.of(entry.route.handle(request, groups));
            }
        }
        return Optional.empty();
    }

    public boolean knowsPath(String path) {
        return entries.stream().anyMatch(entry -> entry.path.matcher(path).matches());
    }
}
