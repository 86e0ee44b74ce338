package kz.hearingstate.intake.category;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import kz.hearingstate.intake.config.IntakeProperties;
import kz.hearingstate.intake.config.IntakeProperties.Category;
import kz.hearingstate.web.CategoryNames;
import org.springframework.stereotype.Component;

/** The appeal categories of {@code categories.yml}: valid category hints and the Open311 services. */
@Component
public class CategoryCatalog {

    private final Map<String, Category> byCode = new LinkedHashMap<>();

    public CategoryCatalog(IntakeProperties properties) {
        for (Category category : properties.categories()) {
            if (byCode.put(category.code(), category) != null) {
                throw new IllegalStateException("Category " + category.code() + " is listed twice");
            }
            if (!CategoryNames.of(category.code()).keySet().containsAll(CategoryNames.LANGUAGES)) {
                throw new IllegalStateException("Category " + category.code() + " has no name in every language in "
                        + CategoryNames.RESOURCE);
            }
        }
    }

    public List<Category> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<Category> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public Set<String> codes() {
        return Set.copyOf(byCode.keySet());
    }
}
