package kz.hearingstate.web.problem;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.HandlerMapping;

/**
 * A request's path as a log line may name it: the route it matched ({@code /api/v1/appeals/access/{secret}}), never
 * the path itself, which can carry a citizen's access secret, a tracking code or an appeal's id. A request that matched
 * no route is named by its first segment alone.
 */
final class LoggedPath {

    private LoggedPath() {
    }

    static String of(HttpServletRequest request) {
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String route && !route.isBlank()) {
            return route;
        }
        return firstSegment(request.getRequestURI());
    }

    /** {@code /api/…} of {@code /api/v1/appeals/access/abc}; {@code /} of null or {@code /}. */
    static String firstSegment(String path) {
        if (path == null) {
            return "/";
        }
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        return slash < 0 ? "/" + trimmed : "/" + trimmed.substring(0, slash) + "/…";
    }
}
