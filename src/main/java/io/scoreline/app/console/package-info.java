/**
 * The operator console under {@code /console} (issue 24, ADR 0050): server-rendered pages over the
 * same use cases as the API. Adding a page is mechanical:
 * <ul>
 *   <li><b>Controller.</b> One class per page (or per small group of routes) with
 *       {@code @Controller("/console/<area>")} and {@code @ExecuteOn(TaskExecutors.BLOCKING)};
 *       each route declares {@link io.scoreline.app.console.ConsolePage} (role and access) and
 *       returns {@code HttpResponse<?>}. {@link io.scoreline.app.console.ConsoleGuard} refuses a
 *       {@code /console} route without it (404), redirects a request without a session to
 *       sign-in and refuses a role below the page's (403).
 *   <li><b>Caller.</b> Take {@code @RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit} and
 *       pass {@code visit.caller().organizationId()} and {@code visit.caller().actor()} to one use
 *       case. {@link io.scoreline.app.console.ConsolePageInterceptor} runs the route confined to
 *       the session's organization (ADR 0038), so another organization's ids answer 404 with no
 *       check in the page.
 *   <li><b>Templates.</b> {@code src/main/jte/<area>/<page>.jte}, compiled at build time. A page
 *       declares {@code @param Frame frame} and wraps itself in
 *       {@code @template.layout(frame = frame, content = @`...`)}; render it with
 *       {@code views.page(views.frame(visit, title, Section.X), "<area>/<page>.jte", Map.of(...))}.
 *       Output is HTML-escaped by the engine; use {@code $unsafe} nowhere.
 *   <li><b>Forms.</b> {@code method="post"}, with {@code @template.csrf(frame = frame)} inside.
 *       The route takes {@code @Body @Nullable byte[] body} with
 *       {@code consumes = MediaType.APPLICATION_FORM_URLENCODED} and reads it with
 *       {@link io.scoreline.app.console.ConsoleForm#parse}; the interceptor has already refused a
 *       form without the session's token (403). After a successful change answer
 *       {@link io.scoreline.app.console.ConsoleViews#redirect} (303); a refused one re-renders the
 *       form with {@code frame.withError(message)}, or throws a bad-input failure, which becomes an
 *       error page (422) with the failure's message.
 *   <li><b>Assets.</b> {@code src/main/resources/console/assets/}, listed in
 *       {@link io.scoreline.app.console.AssetsController}. No inline script or style: the
 *       Content-Security-Policy forbids them ({@link io.scoreline.app.console.ConsoleHeaders}).
 *   <li><b>Tests.</b> Security is covered for every route by {@code ConsoleSecurityIT}, which walks
 *       the router's {@code /console} routes. Browser tests use {@code ConsoleBrowser} (test
 *       sources, {@code io.scoreline.testing}): it starts the server, signs in and saves a
 *       screenshot per step under {@code target/console-screenshots/}.
 * </ul>
 */
package io.scoreline.app.console;
