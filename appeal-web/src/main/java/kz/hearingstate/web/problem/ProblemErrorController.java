package kz.hearingstate.web.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error page ({@code /error}) as problem+json, replacing Boot's HTML "Whitelabel" page
 * ({@link ErrorMvcAutoConfiguration} backs off): errors raised outside Spring MVC's handlers (a filter's
 * {@code sendError}, a rejected URL, an exception in a filter) read like every other problem. Only the status
 * is taken from the failed request: no message, exception text or path goes out.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ProblemResponses responses;

    public ProblemErrorController(ProblemResponses responses) {
        this.responses = responses;
    }

    @RequestMapping
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 404; // /error requested directly: nothing there
        if (status >= 500 && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            // Named by its first segment: the path can carry a citizen's access secret (see LoggedPath).
            log.error("Failure on {}", LoggedPath.firstSegment((String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)), failure);
        }
        return responses.of(new ApiException(ProblemType.forStatus(status)), request);
    }
}
