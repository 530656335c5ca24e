package io.scoreline.app.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.scoreline.pipeline.tenancy.OrganizationSetup;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Renders console pages from the templates compiled at build time (src/main/jte, ADR 0050). HTML
 * escaping is the template engine's, by content type: a page cannot forget it.
 */
@Singleton
public final class ConsoleViews {

    /** The model entry every page template declares as {@code @param Frame frame}. */
    public static final String FRAME = "frame";

    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final OrganizationSetup organizations;

    public ConsoleViews(OrganizationSetup organizations) {
        this.organizations = organizations;
    }

    /** The frame of a page in {@code section}, for the visit's session (or none). */
    public Frame frame(ConsoleVisit visit, String title, Section section) {
        var organization = visit.session()
                .flatMap(s -> s.organizationId())
                .map(id -> organizations.get(id).name());
        return new Frame(
                title, section, organization, visit.csrfToken(), visit.session().isPresent(), Optional.empty());
    }

    /** A whole page: {@code template} gets {@code frame} and the entries of {@code model}. */
    public MutableHttpResponse<String> page(Frame frame, String template, Map<String, Object> model) {
        return page(HttpStatus.OK, frame, template, model);
    }

    public MutableHttpResponse<String> page(
            HttpStatus status, Frame frame, String template, Map<String, Object> model) {
        var params = new HashMap<String, Object>(model);
        params.put(FRAME, frame);
        return html(status, render(template, params));
    }

    /** A piece of a page (what the page script polls), without the layout. */
    public MutableHttpResponse<String> fragment(String template, Map<String, Object> model) {
        return html(HttpStatus.OK, render(template, model));
    }

    /** The error page; {@code message} is shown escaped and must not hold secrets. */
    public MutableHttpResponse<String> error(HttpStatus status, Frame frame, String message) {
        return page(status, frame, "error.jte", Map.of("status", status.getCode(), "message", message));
    }

    /** 303: after a form, the browser loads the next page with GET. */
    public static MutableHttpResponse<String> redirect(String path) {
        return HttpResponse.<String>status(HttpStatus.SEE_OTHER).headers(h -> h.location(URI.create(path)));
    }

    private String render(String template, Map<String, Object> params) {
        var output = new StringOutput();
        templates.render(template, params, output);
        return output.toString();
    }

    private static MutableHttpResponse<String> html(HttpStatus status, String body) {
        return HttpResponse.<String>status(status)
                .contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .body(body);
    }
}
