package org.daleel.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.daleel.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path tmp;

    @Test
    void an_archive_without_a_settings_file_has_every_default() {
        Settings s = Settings.load(DataDir.at(tmp));
        assertThat(s.get(Setting.LEDGER_TSA_URL)).isEmpty();
        assertThat(s.isSet(Setting.LEDGER_TSA_URL)).isFalse();
        assertThat(s.duration(Setting.LEDGER_TSA_TIMEOUT)).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.integer(Setting.LEDGER_TSA_RETRIES)).isEqualTo(3);
    }

    @Test
    void set_values_survive_a_save_and_load_and_unset_goes_back_to_the_default() throws Exception {
        DataDir dir = DataDir.at(tmp);
        Settings.defaults()
                .with(Setting.LEDGER_TSA_URL, " https://tsa.example/tsr ")
                .with(Setting.LEDGER_TSA_TIMEOUT, "30s")
                .save(dir);
        Settings loaded = Settings.load(dir);
        assertThat(loaded.get(Setting.LEDGER_TSA_URL)).isEqualTo("https://tsa.example/tsr");
        assertThat(loaded.duration(Setting.LEDGER_TSA_TIMEOUT)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Files.readString(Settings.file(dir), StandardCharsets.UTF_8))
                .contains("ledger.tsa.url=https\\://tsa.example/tsr");
        loaded.without(Setting.LEDGER_TSA_TIMEOUT).save(dir);
        assertThat(Settings.load(dir).get(Setting.LEDGER_TSA_TIMEOUT)).isEqualTo("10s");
        assertThat(tmp.resolve(Settings.FILE + ".tmp")).doesNotExist();
    }

    @Test
    void invalid_values_and_unknown_keys_are_refused_naming_key_and_value() {
        assertThatThrownBy(() -> Settings.defaults().with(Setting.LEDGER_TSA_URL, "file:///etc/passwd"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ledger.tsa.url")
                .hasMessageContaining("file:///etc/passwd");
        assertThatThrownBy(() -> Settings.defaults().with(Setting.LEDGER_TSA_RETRIES, "-1"))
                .hasMessageContaining("ledger.tsa.retries")
                .hasMessageContaining("0 to 20");
        assertThatThrownBy(() -> Settings.defaults().with(Setting.LEDGER_TSA_POLICY, "1.2.x"))
                .hasMessageContaining("ledger.tsa.policy");
        assertThatThrownBy(() -> Settings.defaults()
                        .with(
                                Setting.LEDGER_TSA_CA_FILE,
                                tmp.resolve("none.pem").toString()))
                .hasMessageContaining("ledger.tsa.ca-file")
                .hasMessageContaining("none.pem");
        assertThatThrownBy(() -> Setting.parse("ledger.tsa.uri"))
                .hasMessageContaining("ledger.tsa.uri")
                .hasMessageContaining("ledger.tsa.url");
    }

    @Test
    void a_hand_edited_file_with_an_unknown_key_or_bad_value_names_the_file_and_the_key() throws Exception {
        Files.writeString(tmp.resolve(Settings.FILE), "ledger.tsa.timeout=forever\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Settings.load(DataDir.at(tmp)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(Settings.FILE)
                .hasMessageContaining("ledger.tsa.timeout")
                .hasMessageContaining("forever");
        Files.writeString(tmp.resolve(Settings.FILE), "colour=blue\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Settings.load(DataDir.at(tmp))).hasMessageContaining("unknown setting 'colour'");
    }

    @Test
    void video_capture_sizes_read_with_decimal_and_binary_units_and_are_bounded() {
        Settings s = Settings.defaults();
        assertThat(s.bytes(Setting.CAPTURE_VIDEO_MAX_BYTES)).isEqualTo(250_000_000L);
        assertThat(s.duration(Setting.CAPTURE_VIDEO_TIMEOUT)).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.with(Setting.CAPTURE_VIDEO_MAX_BYTES, "1 GiB").bytes(Setting.CAPTURE_VIDEO_MAX_BYTES))
                .isEqualTo(1L << 30);
        assertThat(s.with(Setting.CAPTURE_VIDEO_MAX_BYTES, "64kB").bytes(Setting.CAPTURE_VIDEO_MAX_BYTES))
                .isEqualTo(64_000L);
        assertThat(s.with(Setting.CAPTURE_VIDEO_MAX_BYTES, "5000").get(Setting.CAPTURE_VIDEO_MAX_BYTES))
                .isEqualTo("5000");
        assertThatThrownBy(() -> s.with(Setting.CAPTURE_VIDEO_MAX_BYTES, "5TB"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("capture.video.max-bytes")
                .hasMessageContaining("250MB");
        assertThatThrownBy(() -> s.with(Setting.CAPTURE_VIDEO_MAX_BYTES, "8GiB"))
                .hasMessageContaining("capture.video.max-bytes")
                .hasMessageContaining("4294967296");
        assertThatThrownBy(() -> s.with(Setting.CAPTURE_VIDEO_TIMEOUT, "3h"))
                .hasMessageContaining("capture.video.timeout");
    }
}
