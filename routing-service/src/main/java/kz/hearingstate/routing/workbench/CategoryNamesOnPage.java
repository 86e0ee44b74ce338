package kz.hearingstate.routing.workbench;

import java.util.Locale;

import kz.hearingstate.web.CategoryNames;
import org.springframework.stereotype.Component;

/** A category's name in the page's language, from the platform's one table ({@code @categoryNames.of(code)} in templates). */
@Component("categoryNames")
public class CategoryNamesOnPage {

    public String of(String code, Locale locale) {
        return CategoryNames.name(code, DepartmentNames.languageOf(locale).name());
    }
}
