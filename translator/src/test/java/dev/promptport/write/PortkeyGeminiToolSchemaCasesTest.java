package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.finding;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Portkey's cases for a tool schema sent to Gemini (Portkey-AI/gateway
 * {@code src/providers/google-vertex-ai/utils.test.ts}, {@code derefer} and
 * {@code transformGeminiToolParameters}), re-expressed as a smaller schema of the same kinds a
 * Pydantic model gives: {@code $defs} with references in an object, in array items, in the members
 * of a union and inside {@code anyOf [..., null]}, an enum by reference, optional fields with a
 * title and {@code default: null}.
 */
class PortkeyGeminiToolSchemaCasesTest {

    private static final PeerRequests PEER = new PeerRequests();

    private static final String SCHEMA = """
            {"$defs":{
              "Address":{"type":"object","title":"Address","properties":{"street":{"type":"string","title":"Street"},
                "unit":{"anyOf":[{"type":"string"},{"type":"null"}],"default":null,"title":"Unit"},
                "town":{"type":"string","title":"Town"}},"required":["street","town"]},
              "Contact":{"type":"object","title":"Contact","properties":{"email":{"type":"string","description":"Where mail goes","title":"Email"},
                "phone":{"anyOf":[{"type":"string"},{"type":"null"}],"default":null,"description":"Phone in E.164","title":"Phone"},
                "address":{"$ref":"#/$defs/Address","description":"Postal address"}},"required":["email","address"]},
              "Role":{"type":"object","title":"Role","properties":{"title":{"type":"string","title":"Title"},
                "current":{"type":"boolean","title":"Current"}},"required":["title","current"]},
              "Pet":{"type":"object","title":"Pet","properties":{"name":{"type":"string","title":"Name"},
                "kind":{"enum":["dog","cat","other"],"type":"string","title":"Kind"}},"required":["name","kind"]},
              "Passport":{"type":"object","title":"Passport","properties":{"country":{"type":"string"},"number":{"type":"string"}},
                "required":["country","number"]},
              "NationalId":{"type":"object","title":"NationalId","properties":{"country":{"type":"string"},"id_number":{"type":"string"}},
                "required":["country","id_number"]},
              "Status":{"enum":["ACTIVE","INACTIVE"],"type":"string","title":"Status"}},
             "type":"object","title":"Profile",
             "properties":{
              "name":{"type":"string","title":"Name"},
              "status":{"$ref":"#/$defs/Status"},
              "contact":{"$ref":"#/$defs/Contact"},
              "roles":{"type":"array","title":"Roles","items":{"$ref":"#/$defs/Role"}},
              "pets":{"anyOf":[{"type":"array","items":{"$ref":"#/$defs/Pet"}},{"type":"null"}],"default":null,"title":"Pets"},
              "identity":{"anyOf":[{"$ref":"#/$defs/Passport"},{"$ref":"#/$defs/NationalId"}],"title":"Identity"},
              "notes":{"anyOf":[{"type":"string"},{"type":"null"}],"default":null,"title":"Notes"}},
             "required":["name","status","contact","roles","identity"]}""";

    private static JsonNode parameters(String target) {
        String req = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"messages\":[{\"role\":\"user\",\"content\":\"Save my profile\"}],"
                + "\"tools\":[{\"name\":\"save_profile\",\"description\":\"Stores a user profile\",\"input_schema\":" + SCHEMA + "}]}";
        Translation t = PEER.translate("profile", req, target);
        assertThat(finding(t, "PP155").message()).contains("$defs dropped: its references were inlined");
        return json(t).at("/tools/0/functionDeclarations/0/parameters");
    }

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    /** derefer: inlines $ref for contact, contact.address, status (enum), roles.items, identity's members and pets' array. */
    @Test
    void everyReferenceIsInlinedWhereItIsUsed() {
        for (String target : new String[] {"gemini:gemini-2.5-pro", "gemini:gemini-2.0-flash"}) {
            JsonNode p = parameters(target);
            assertThat(p.toString()).as(target).doesNotContain("$ref").doesNotContain("$defs");
            assertThat(p.at("/properties/contact/type").asText()).isEqualTo("OBJECT");
            assertThat(p.at("/properties/contact/properties/email/type").asText()).isEqualTo("STRING");
            assertThat(p.at("/properties/contact/properties/address/properties/town/type").asText()).isEqualTo("STRING");
            assertThat(p.at("/properties/contact/properties/address/description").asText()).isEqualTo("Postal address");
            assertThat(p.at("/properties/status/type").asText()).isEqualTo("STRING");
            assertThat(p.at("/properties/status/enum").toString()).isEqualTo("[\"ACTIVE\",\"INACTIVE\"]");
            assertThat(p.at("/properties/status").has("format")).isFalse();
            assertThat(p.at("/properties/roles/items/properties/title/type").asText()).isEqualTo("STRING");
            assertThat(p.at("/properties/identity/anyOf")).hasSize(2);
            assertThat(p.at("/properties/identity/anyOf/0/properties/number/type").asText()).isEqualTo("STRING");
            assertThat(p.at("/properties/identity/anyOf/1/properties/id_number/type").asText()).isEqualTo("STRING");
            assertThat(p.at("/properties/pets/items/properties/kind/enum").toString()).isEqualTo("[\"dog\",\"cat\",\"other\"]");
            assertThat(p.at("/properties/name/type").asText()).isEqualTo("STRING");
        }
    }

    /**
     * transformGeminiToolParameters: anyOf [X, null] becomes X with nullable, keeping title,
     * description and default; a union without null stays a union, not nullable; fields with no
     * null keep no nullable; the root's required list is kept. Portkey leaves the union's type
     * out; promptport adds the type both members share (OBJECT), which says the same.
     */
    @Test
    void aNullableUnionBecomesNullableAndOtherUnionsStay() {
        JsonNode p = parameters("gemini:gemini-2.5-pro");
        assertThat(p.at("/properties/notes").toString())
                .isEqualTo("{\"type\":\"STRING\",\"title\":\"Notes\",\"nullable\":true,\"default\":null}");
        assertThat(p.at("/properties/contact/properties/phone").toString()).isEqualTo(
                "{\"type\":\"STRING\",\"title\":\"Phone\",\"description\":\"Phone in E.164\",\"nullable\":true,\"default\":null}");
        assertThat(p.at("/properties/contact/properties/address/properties/unit/nullable").asBoolean()).isTrue();
        JsonNode pets = p.at("/properties/pets");
        assertThat(pets.path("type").asText()).isEqualTo("ARRAY");
        assertThat(pets.path("nullable").asBoolean()).isTrue();
        assertThat(pets.path("title").asText()).isEqualTo("Pets");
        assertThat(pets.path("default").isNull()).isTrue();
        assertThat(pets.at("/items/type").asText()).isEqualTo("OBJECT");
        JsonNode identity = p.at("/properties/identity");
        assertThat(identity.has("nullable")).isFalse();
        assertThat(identity.path("type").asText()).isEqualTo("OBJECT");
        assertThat(p.at("/properties/roles/items/properties/current").toString())
                .isEqualTo("{\"type\":\"BOOLEAN\",\"title\":\"Current\"}");
        assertThat(p.path("required").toString())
                .isEqualTo("[\"name\",\"status\",\"contact\",\"roles\",\"identity\"]");
    }
}
