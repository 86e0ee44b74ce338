package kz.hearingstate.routing.workbench;

import java.util.Locale;

import kz.hearingstate.events.Language;
import kz.hearingstate.routing.directory.DirectoryService;
import org.springframework.stereotype.Component;

/** A department's name in the page's language, from the directory ({@code @departmentNames.of(code)} in templates). */
@Component("departmentNames")
public class DepartmentNames {

    private final DirectoryService directory;

    public DepartmentNames(DirectoryService directory) {
        this.directory = directory;
    }

    public String of(String code, Locale locale) {
        if (code == null) {
            return "";
        }
        Language language = languageOf(locale);
        return directory.find(code).map(d -> d.names() == null ? null : Language.firstIn(language, d.names()::get)).orElse(code);
    }

    /** The page's language among the platform's three; English for any other. */
    static Language languageOf(Locale locale) {
        return switch (locale == null ? "en" : locale.getLanguage()) {
            case "kk" -> Language.kk;
            case "ru" -> Language.ru;
            default -> Language.en;
        };
    }
}
