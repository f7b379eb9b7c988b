package org.daleel.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WarcIndexTest {

    @Test
    void surt_keys_reverse_host_labels_keep_a_non_default_port_and_lowercase_the_path() {
        assertThat(WarcIndex.surt("https://www.Example.org/News/Item?id=3")).isEqualTo("org,example)/news/item?id=3");
        assertThat(WarcIndex.surt("http://127.0.0.1:8080/report.html")).isEqualTo("127,0,0,1:8080)/report.html");
        assertThat(WarcIndex.surt("http://example.com:80")).isEqualTo("com,example)/");
    }

    @Test
    void a_url_without_a_host_is_its_own_key() {
        assertThat(WarcIndex.surt("urn:daleel:item:01M89C8TY7V8DTRSY0T4K1SWTJ"))
                .isEqualTo("urn:daleel:item:01M89C8TY7V8DTRSY0T4K1SWTJ");
    }
}
