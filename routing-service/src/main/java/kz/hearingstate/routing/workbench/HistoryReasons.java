package kz.hearingstate.routing.workbench;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import kz.hearingstate.routing.Reason;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A history entry's reason in the page's language ({@code @historyReasons.of(reason, locale)} in templates): the
 * platform's own reasons from {@code wb.reason.<code>}, a department named by its name; a person's reason as written.
 */
@Component("historyReasons")
public class HistoryReasons {

    private final MessageSource messages;
    private final DepartmentNames departmentNames;

    public HistoryReasons(MessageSource messages, DepartmentNames departmentNames) {
        this.messages = messages;
        this.departmentNames = departmentNames;
    }

    public String of(Reason reason, Locale locale) {
        if (reason == null || reason.code() == null) {
            return reason == null ? null : reason.text();
        }
        List<String> args = reason.args();
        Object[] shown = IntStream.range(0, args.size())
                .mapToObj(i -> reason.code().namesDepartment(i) ? departmentNames.of(args.get(i), locale) : args.get(i))
                .toArray();
        return messages.getMessage("wb.reason." + reason.code().name(), shown, reason.text(), locale);
    }
}
