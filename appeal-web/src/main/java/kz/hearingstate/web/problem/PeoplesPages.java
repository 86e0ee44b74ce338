package kz.hearingstate.web.problem;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * A part of a service's site made of pages for people (the citizens' portal, the staff workbench). An address under
 * it that nothing serves is answered, for a browser, with the part's own "not found" page in the person's language,
 * not with a problem document ({@link ProblemHandler}); API clients still get the problem.
 */
public interface PeoplesPages {

    /** Whether the address is under these pages. */
    boolean owns(HttpServletRequest request);

    /** The "not found" page, its model filled; {@link ProblemHandler} answers it with 404. */
    ModelAndView notFound(HttpServletRequest request);
}
