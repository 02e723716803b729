package dev.seguito.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StorableTextTest {

    @Test
    void nulAndUnpairedSurrogatesBecomeTheReplacementCharacter() {
        assertThat(Http.storable("a\u0000b")).isEqualTo("a\uFFFDb");
        assertThat(Http.storable("Rom\uD800ano")).isEqualTo("Rom\uFFFDano");
        assertThat(Http.storable("end\uD83D")).isEqualTo("end\uFFFD");
        assertThat(Http.storable("\uDE00start")).isEqualTo("\uFFFDstart");
    }

    @Test
    void realCharactersOutsideTheBasicPlaneAreKept() {
        String text = "Giulia \uD83D\uDE00 Romano, Zürich";
        assertThat(Http.storable(text)).isSameAs(text);
        assertThat(Http.storable("\uD800\uD83D\uDE00")).isEqualTo("\uFFFD\uD83D\uDE00");
    }

    @Test
    void utf8BytesDecodeToStorableTextEvenWhenTheySpellHalfASurrogatePair() {
        byte[] bytes = {'a', 0, 'b', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'c', (byte) 0xC3, 0x28, (byte) 0xF0, (byte) 0x9F,
                (byte) 0x99, (byte) 0x82};

        String text = Http.storableUtf8(bytes);

        assertThat(text).isEqualTo(Http.storable(text)).doesNotContain("\u0000").endsWith("\uD83D\uDE42");
        assertThat(text).startsWith("a\uFFFDb\uFFFD").contains("c\uFFFD(");
    }

    @Test
    void everyStringOfAJsonBodyIsCleanedNestedOnesToo() {
        JsonObject body = new JsonObject().put("html", "x\u0000").put("list", new JsonArray().add("\uDC00"))
                .put("inner", new JsonObject().put("name", "\uD800"));

        Http.storableStrings(body);

        assertThat(body.getString("html")).isEqualTo("x\uFFFD");
        assertThat(body.getJsonArray("list").getString(0)).isEqualTo("\uFFFD");
        assertThat(body.getJsonObject("inner").getString("name")).isEqualTo("\uFFFD");
    }
}
