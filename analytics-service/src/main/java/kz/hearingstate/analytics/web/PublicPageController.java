package kz.hearingstate.analytics.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import kz.hearingstate.web.CategoryNames;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.json.JsonMapper;

/** The transparency page lives at {@code /} (static index.html) and at {@code /public}. */
@Controller
class PublicPageController {

    /** The page's script of category names, from the platform's one table; the same for every request. */
    private static final String CATEGORY_NAMES_SCRIPT = "window.CATEGORY_NAMES = "
            + JsonMapper.builder().build().writeValueAsString(CategoryNames.all()) + ";\n";

    @GetMapping({"/public", "/public/"})
    String publicPage() {
        return "forward:/index.html";
    }

    /** The category names by code and language (kk, ru, en), as the page's script reads them. */
    @GetMapping("/category-names.js")
    @ResponseBody
    ResponseEntity<String> categoryNames() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
                .body(CATEGORY_NAMES_SCRIPT);
    }
}
