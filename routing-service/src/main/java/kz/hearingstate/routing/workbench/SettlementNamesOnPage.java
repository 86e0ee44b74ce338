package kz.hearingstate.routing.workbench;

import java.util.Locale;

import kz.hearingstate.routing.classification.SettlementNormaliser;
import org.springframework.stereotype.Component;

/**
 * A settlement's name in the page's language when it is one of the directory's list ({@code @settlementNames.of(name)}
 * in templates): departments list their settlements by their Russian names. Text outside the list shows as written.
 */
@Component("settlementNames")
public class SettlementNamesOnPage {

    private final SettlementNormaliser settlements;

    public SettlementNamesOnPage(SettlementNormaliser settlements) {
        this.settlements = settlements;
    }

    public String of(String name, Locale locale) {
        return settlements.nameIn(DepartmentNames.languageOf(locale), name);
    }
}
