package kz.hearingstate.routing.workbench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.hearingstate.events.Language;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hearing.routing.workbench.*}: staff accounts (password hashes only), the OIDC claims that carry a
 * user's role and department, answer templates and how often the inbox looks for new appeals.
 *
 * @param accounts        login name to account; the password is a DelegatingPasswordEncoder hash
 *                        ({@code {bcrypt}$2a$10$...})
 * @param oidc            where roles come from when a government SSO signs users in
 * @param answerTemplates per department code (or {@code default} for every department), reusable answers
 * @param refresh         how often an open inbox asks for new appeals
 * @param printDemoLogins print the demo logins at start-up (the local profile's demo accounts only)
 */
@ConfigurationProperties("hearing.routing.workbench")
public record WorkbenchProperties(
        @DefaultValue Map<String, Account> accounts,
        @DefaultValue Oidc oidc,
        @DefaultValue Map<String, List<AnswerTemplate>> answerTemplates,
        @DefaultValue("5s") Duration refresh,
        @DefaultValue("false") boolean printDemoLogins) {

    public record Account(String password, StaffRole role, String department) {
    }

    /**
     * @param rolesClaim      a claim holding the workbench role names (a list or one string), e.g. {@code ["HEAD"]}
     * @param departmentClaim a claim holding the department code of SPECIALIST and HEAD users
     */
    public record Oidc(@DefaultValue("hearing_roles") String rolesClaim,
            @DefaultValue("hearing_department") String departmentClaim) {
    }

    /**
     * A reusable answer, written in each language the citizen may have used, and titled in each language staff may
     * read the page in.
     */
    public record AnswerTemplate(Map<Language, String> title, Map<Language, String> text) {

        /** The title in the page's language, or the nearest one given. */
        public String titleIn(Locale locale) {
            return title == null ? null : Language.firstIn(DepartmentNames.languageOf(locale), title::get);
        }
    }

    public List<AnswerTemplate> templatesFor(String department) {
        List<AnswerTemplate> own = answerTemplates.getOrDefault(department, List.of());
        List<AnswerTemplate> shared = answerTemplates.getOrDefault("default", List.of());
        return java.util.stream.Stream.concat(own.stream(), shared.stream()).toList();
    }
}
