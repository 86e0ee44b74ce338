package kz.hearingstate.web.problem;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.Container;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's last word on a request it refused before any servlet ran (a 100 KB header, an encoded {@code ..} or
 * a broken escape in the path, an over-long request line): problem+json from the catalogue instead of Tomcat's
 * HTML page. Errors that reach the application are answered by {@link ProblemErrorController}; this covers the
 * rest. Installed as the host's error report valve (see {@link #install}).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

    private final ProblemResponses problems;
    private final JsonMapper json;
    private final String contentSecurityPolicy;

    public ProblemErrorReportValve(ProblemResponses problems, JsonMapper json, String contentSecurityPolicy) {
        this.problems = problems;
        this.json = json;
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    /** Replaces the host's HTML error report valve; call before the host starts (a context customizer does). */
    public void install(Container context) {
        if (context.getParent() instanceof StandardHost host) {
            host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            host.getPipeline().addValve(this); // the host finds it there and adds no other
        }
    }

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        // As Tomcat's own valve: only an error no one has answered yet.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(problems.body(new ApiException(ProblemType.forStatus(status)), request));
        } catch (RuntimeException e) {
            log.debug("Problem for a refused request could not be localised", e);
            ProblemType type = ProblemType.forStatus(status);
            body = "{\"type\":\"" + type.type() + "\",\"status\":" + status + "}";
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", contentSecurityPolicy);
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("Could not write the problem of a refused request", e);
        }
    }
}
