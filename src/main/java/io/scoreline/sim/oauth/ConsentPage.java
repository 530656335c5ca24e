package io.scoreline.sim.oauth;

import io.scoreline.sim.http.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The CRM's consent page as a simulated user who is already signed in sees it: the app asking, the
 * account, and an Allow and a Deny form that post the authorize request back with the decision.
 * Also the redirects that end the page and the CRM's own error page (shown, never redirected, when
 * the client or the callback URL cannot be trusted).
 */
public final class ConsentPage {

    public static final String DECISION = "decision";
    public static final String ALLOW = "allow";
    public static final String DENY = "deny";

    private ConsentPage() {}

    /** @param request the authorize parameters, posted back unchanged as hidden fields */
    public static Reply.Response render(String crm, String action, String user, Map<String, String> request) {
        StringBuilder hidden = new StringBuilder();
        request.forEach((name, value) -> hidden.append("<input type=\"hidden\" name=\"")
                .append(escape(name))
                .append("\" value=\"")
                .append(escape(value))
                .append("\">"));
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Allow Access? | "
                + escape(crm) + "</title></head><body><h1>Allow Access?</h1>"
                + "<p>Signed in as <strong>" + escape(user) + "</strong>.</p>"
                + "<p>The app <strong>" + escape(request.getOrDefault("client_id", "")) + "</strong>"
                + " asks to access your " + escape(crm) + " data and to keep that access.</p>"
                + form(action, hidden, ALLOW, "Allow") + form(action, hidden, DENY, "Deny")
                + "</body></html>";
        return Reply.text(200, "text/html;charset=UTF-8", html);
    }

    private static String form(String action, CharSequence hidden, String decision, String label) {
        return "<form method=\"post\" action=\"" + escape(action) + "\">" + hidden + "<button type=\"submit\" name=\""
                + DECISION + "\" value=\"" + decision + "\">" + label + "</button></form>";
    }

    /** A 302 to the client's callback with these parameters appended in order. */
    public static Reply.Response redirect(String redirectUri, Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((name, value) -> query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return Reply.empty(302).withHeader("Location", redirectUri + "?" + query);
    }

    /** The CRM's error page: the user sees it, the client's callback is never called. */
    public static Reply.Response error(String crm, String message) {
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Error | " + escape(crm)
                + "</title></head><body><h1>Error</h1><p>" + escape(message) + "</p></body></html>";
        return Reply.text(400, "text/html;charset=UTF-8", html);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
