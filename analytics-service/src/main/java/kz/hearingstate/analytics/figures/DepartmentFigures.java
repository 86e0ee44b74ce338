package kz.hearingstate.analytics.figures;

/** One department's figures; {@code department} is its code ({@code unassigned} before routing). */
public record DepartmentFigures(String department, Figures figures) {
}
