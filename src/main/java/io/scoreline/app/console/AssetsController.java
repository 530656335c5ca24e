package io.scoreline.app.console;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.RequestAttribute;
import io.scoreline.failure.ScorelineException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The console's stylesheet and script, from the class path ({@code console/assets/}). A fixed list:
 * nothing else on the class path can be named through this route.
 */
@Controller("/console/assets")
public class AssetsController {

    private static final Map<String, String> ASSETS = Map.of(
            "console.css", "text/css;charset=utf-8",
            "console.js", "text/javascript;charset=utf-8",
            "mapping.js", "text/javascript;charset=utf-8");

    @Get("/{name}")
    @ConsolePage(access = ConsolePage.Access.PUBLIC)
    public HttpResponse<?> asset(@RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit, @PathVariable String name) {
        var type = ASSETS.get(name);
        if (type == null) {
            throw ScorelineException.notFound("no asset " + name);
        }
        try (var in = AssetsController.class.getResourceAsStream("/console/assets/" + name)) {
            if (in == null) {
                throw ScorelineException.notFound("no asset " + name);
            }
            return HttpResponse.ok(in.readAllBytes()).contentType(MediaType.of(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
