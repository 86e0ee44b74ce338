package kz.hearingstate.routing.directory;

import java.util.function.Predicate;

/**
 * What one reader may learn of the confidential departments' part in an appeal: the one rule behind the workbench's
 * pages and the API's views. A confidential department's part (the appeal's content while it holds it, its entries in
 * the appeal's history, its staff's names, the citizen's replies to its questions, and that an appeal came from it) is
 * for whoever speaks for that department, and for nobody else: not another department, the akim's office or the admin.
 * Made by {@link DirectoryService#reader}, whose flag decides which departments are confidential.
 *
 * @param confidential whether a department's appeals are confidential (deleted departments included; false for none)
 * @param speaksFor    whether the reader speaks for a department: over the API, the department's own key; in the
 *                     workbench, the anti-corruption officer
 */
public record ConfidentialReader(Predicate<String> confidential, Predicate<String> speaksFor) {

    /** Whether this reader may see a department's part; any reader sees the part of a department that is not confidential. */
    public boolean sees(String department) {
        return !confidential.test(department) || speaksFor.test(department);
    }
}
