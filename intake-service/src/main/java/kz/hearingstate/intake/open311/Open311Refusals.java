package kz.hearingstate.intake.open311;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.hearingstate.web.problem.ApiException;
import kz.hearingstate.web.problem.ProblemType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** The API chain's refusals of an Open311 request (no key, a wrong key, not a channel), in Open311's format. */
@Component
public class Open311Refusals implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final Open311ErrorHandler errors;

    Open311Refusals(Open311ErrorHandler errors) {
        this.errors = errors;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        write(errors.api(new ApiException(ProblemType.UNAUTHENTICATED), request), response);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(errors.api(new ApiException(ProblemType.UNAUTHENTICATED), request), response);
    }

    private static void write(ResponseEntity<String> answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.getStatusCode().value());
        answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.getOutputStream().write(answer.getBody().getBytes(StandardCharsets.UTF_8));
    }
}
