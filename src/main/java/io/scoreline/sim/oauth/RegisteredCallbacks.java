package io.scoreline.sim.oauth;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The callback URLs the simulated connected apps have registered: Scoreline's callback for that CRM
 * on this machine, on any port (tests and the demo start servers on free ports). A real connected
 * app lists exact URLs; anything else is refused before any consent is asked, as there.
 */
public final class RegisteredCallbacks {

    private RegisteredCallbacks() {}

    public static boolean accepts(String redirectUri, String provider) {
        if (redirectUri == null) {
            return false;
        }
        try {
            URI uri = new URI(redirectUri);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && ("localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost()))
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null
                    && uri.getUserInfo() == null
                    && ("/oauth/callback/" + provider).equals(uri.getRawPath());
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
