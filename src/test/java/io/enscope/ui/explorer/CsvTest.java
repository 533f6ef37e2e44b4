package io.enscope.ui.explorer;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 4180 output. */
class CsvTest {

    @Test
    void quotesOnlyFieldsWithCommasQuotesOrLineBreaks() {
        assertThat(Csv.field("plain")).isEqualTo("plain");
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(Csv.field("")).isEmpty();
        assertThat(Csv.field(null)).isEmpty();
        assertThat(Csv.field("中文 名称")).isEqualTo("中文 名称");
    }

    @Test
    void writesAHeaderAndEndsEveryRecordWithCrLf() {
        String csv = Csv.of(List.of("ID", "Name"), List.of(List.of("i-1", "x,y"), Arrays.asList("i-2", null)));
        assertThat(csv).isEqualTo("ID,Name\r\ni-1,\"x,y\"\r\ni-2,\r\n");
    }
}
