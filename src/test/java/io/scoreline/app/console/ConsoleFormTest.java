package io.scoreline.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.failure.ScorelineException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading a URL-encoded console form. */
class ConsoleFormTest {

    @Test
    void fieldsAreDecodedAndARepeatedFieldHasNoSingleValue() {
        var form = ConsoleForm.parse("csrf=a%2Bb&key=sl_x+y&flag&twice=1&twice=2".getBytes(StandardCharsets.US_ASCII));
        assertThat(form.value("csrf")).hasValue("a+b");
        assertThat(form.value("key")).hasValue("sl_x y");
        assertThat(form.value("flag")).hasValue("");
        assertThat(form.value("twice")).isEmpty();
        assertThat(form.value("missing")).isEmpty();
        assertThat(ConsoleForm.parse(null).fields()).isEmpty();
    }

    @Test
    void aMissingRequiredFieldABadEncodingOrAHugeFormIsBadInput() {
        var form = ConsoleForm.parse("name=+".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> form.required("name", "A name"))
                .isInstanceOf(ScorelineException.class)
                .hasMessage("A name is required");
        assertThatThrownBy(() -> ConsoleForm.parse("a=%zz".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(ScorelineException.class)
                .hasMessageContaining("not URL-encoded");
        assertThatThrownBy(() -> ConsoleForm.parse(new byte[ConsoleForm.MAX_BYTES + 1]))
                .isInstanceOf(ScorelineException.class)
                .hasMessageContaining("larger than");
    }
}
