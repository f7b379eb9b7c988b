package org.daleel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapes_text_and_attribute_values() {
        String out = new Html()
                .element("a", "<script>&\"'", "href", "\" onmouseover=\"x")
                .toString();
        assertThat(out).isEqualTo("<a href=\"&quot; onmouseover=&quot;x\">&lt;script&gt;&amp;&quot;&#39;</a>");
    }

    @Test
    void omits_attributes_whose_value_is_null() {
        assertThat(new Html().empty("input", "checked", null, "name", "q").toString())
                .isEqualTo("<input name=\"q\">");
    }

    @Test
    void refuses_tag_and_attribute_names_that_are_not_plain_names() {
        assertThatThrownBy(() -> new Html().open("a onclick=x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Html().open("a", "on click", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void snippet_keeps_match_marks_and_entities_but_escapes_any_other_markup() {
        assertThat(Html.safeSnippet("the <b>convoy</b> &amp; <i>buses</i> <script>x</script>"))
                .isEqualTo("the <b>convoy</b> &amp; &lt;i&gt;buses&lt;/i&gt; &lt;script&gt;x&lt;/script&gt;");
        assertThat(Html.safeSnippet("<b onclick=x>")).isEqualTo("&lt;b onclick=x&gt;");
    }
}
