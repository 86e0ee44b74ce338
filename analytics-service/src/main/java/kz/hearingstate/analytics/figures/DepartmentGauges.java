package kz.hearingstate.analytics.figures;

import kz.hearingstate.analytics.figures.Figures.Ratio;

/**
 * What the department gauges show now: {@code open} and {@code overdue} of every appeal open today, however long
 * ago it came in, and {@code slaCompliance} of the appeals closed within the last SLA window (30 days unless
 * configured). Unlike {@link Figures}, not tied to a period of receipt: an ops dashboard asks how a department
 * stands now, and these read only the open and the recently closed appeals, however many the store holds.
 */
public record DepartmentGauges(String department, int open, int overdue, Ratio slaCompliance) {
}
