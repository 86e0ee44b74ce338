package kz.hearingstate.routing.workbench;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import kz.hearingstate.routing.Reason;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A history entry's reason in the page's language ({@code @historyReasons.of(reason, locale)} in templates): the
 * platform's own reasons from {@code wb.reason.<code>}, a department named by its name, a score ("0.97") as the language
 * writes it ("0,97" in kk and ru, as the page's {@code #numbers}); a person's reason as written.
 */
@Component("historyReasons")
public class HistoryReasons {

    /** A score as {@link Reason} keeps it: digits, a point, digits (department codes and counts never look so). */
    private static final Pattern DECIMAL = Pattern.compile("\\d+\\.\\d+");

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
                .mapToObj(i -> reason.code().namesDepartment(i) ? departmentNames.of(args.get(i), locale)
                        : DECIMAL.matcher(args.get(i)).matches() ? decimal(args.get(i), locale) : args.get(i))
                .toArray();
        return messages.getMessage("wb.reason." + reason.code().name(), shown, reason.text(), locale);
    }

    /** A decimal, with as many digits after the separator as it has, written as {@code locale} writes numbers. */
    static String decimal(String value, Locale locale) {
        BigDecimal number = new BigDecimal(value);
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(number.scale());
        format.setMaximumFractionDigits(number.scale());
        return format.format(number);
    }
}
