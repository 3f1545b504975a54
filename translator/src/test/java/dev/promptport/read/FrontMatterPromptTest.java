package dev.promptport.read;

import dev.promptport.Limits;
import dev.promptport.Options;
import dev.promptport.Prompt;
import dev.promptport.PromptPort;
import dev.promptport.PromptPortException;
import dev.promptport.Target;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Part;
import dev.promptport.tree.PromptFileFormat;
import dev.promptport.tree.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dotprompt and Prompty files as their own tools read them (google/dotprompt, microsoft/prompty). */
class FrontMatterPromptTest {

    private static final Target GPT_4O = Target.of("openai:gpt-4o");

    private static String text(Part p) {
        return ((Part.Text) p).text();
    }

    /** google/dotprompt's samples start with a license header; Dotprompt skips # and blank lines. */
    private static final String LICENSED = """
            # Copyright 2026 Google LLC
            #
            # SPDX-License-Identifier: Apache-2.0

            ---
            model: googleai/gemini-2.5-flash
            config:
              temperature: 0.7
              maxOutputTokens: 2048
            ---

            {{role "system"}}
            You are a writer.
            {{role "user"}}
            Write about {{topic}}.
            """;

    @Test
    void dotpromptFrontMatterAfterALicenseHeaderIsRead() {
        Conversation c = FrontMatterPrompt.read(LICENSED, PromptFileFormat.DOTPROMPT, Limits.DEFAULTS);
        assertThat(c.model()).isEqualTo("googleai/gemini-2.5-flash");
        assertThat(c.generation().temperature()).isEqualTo(0.7);
        assertThat(c.generation().maxTokens()).isEqualTo(2048);
        assertThat(c.system()).extracting(FrontMatterPromptTest::text).containsExactly("You are a writer.\n");
        assertThat(c.turns()).hasSize(1);
        assertThat(c.turns().get(0).role()).isEqualTo(Role.USER);
        assertThat(c.turns().get(0).parts().get(0).loc().line()).isEqualTo(15);
    }

    @Test
    void dotpromptLicenseHeaderIsKeptWhenTheFileIsWrittenBack() {
        String out = PromptPort.translate(Prompt.dotprompt(LICENSED), GPT_4O, Options.DEFAULT.withPromptFile(true))
                .text();
        assertThat(out).startsWith("# Copyright 2026 Google LLC\n#\n# SPDX-License-Identifier: Apache-2.0\n\n---\nmodel: openai/gpt-4o\n");
        assertThat(out).contains("temperature: 0.7").doesNotContain("googleai");
    }

    @Test
    void brokenFrontMatterAfterALicenseHeaderIsPlacedOnItsOwnLine() {
        String broken = "# header\n\n---\nmodel: [x\n---\nhi\n";
        assertThatThrownBy(() -> FrontMatterPrompt.read(broken, PromptFileFormat.DOTPROMPT, Limits.DEFAULTS))
                .isInstanceOf(PromptPortException.class)
                .satisfies(e -> assertThat(((PromptPortException) e).location().line()).isGreaterThanOrEqualTo(4));
    }

    /** microsoft/prompty spec/fixtures/basic.prompty: Prompty 2's model.id and model.options. */
    private static final String PROMPTY_V2 = """
            ---
            name: basic-prompt
            model:
              id: gpt-4
              provider: openai
              apiType: chat
              connection:
                kind: key
                apiKey: ${env:OPENAI_API_KEY}
              options:
                temperature: 0.7
                maxOutputTokens: 1000
                frequencyPenalty: 0.5
            ---
            system:
            You are an AI assistant.

            user:
            {{question}}
            """;

    @Test
    void promptyV2ModelIdAndOptionsAreRead() {
        Conversation c = FrontMatterPrompt.read(PROMPTY_V2, PromptFileFormat.PROMPTY, Limits.DEFAULTS);
        assertThat(c.model()).isEqualTo("gpt-4");
        assertThat(c.generation().temperature()).isEqualTo(0.7);
        assertThat(c.generation().maxTokens()).isEqualTo(1000);
        String json = PromptPort.translate(Prompt.prompty(PROMPTY_V2), GPT_4O).json();
        assertThat(json).contains("\"temperature\":0.7").contains("\"max_completion_tokens\":1000");
    }

    @Test
    void promptyModelWrittenAsTheIdAloneIsRead() {
        Conversation c = FrontMatterPrompt.read("---\nmodel: gpt-4o\n---\nsystem:\nHi.\n", PromptFileFormat.PROMPTY,
                Limits.DEFAULTS);
        assertThat(c.model()).isEqualTo("gpt-4o");
    }

    @Test
    void promptyV2FileIsWrittenBackInPromptyV2Shape() {
        String out = PromptPort.translate(Prompt.prompty(PROMPTY_V2), Target.of("anthropic:claude-sonnet-4-5"),
                Options.DEFAULT.withPromptFile(true)).text();
        String front = out.substring(0, out.indexOf("\n---\n"));
        // Prompty 2 reads no configuration or parameters: the model and settings would be lost
        assertThat(front).doesNotContain("configuration").doesNotContain("parameters")
                .contains("  id: claude-sonnet-4-5\n").contains("  provider: anthropic\n")
                .contains("    temperature: 0.7\n").contains("    maxOutputTokens: 1000\n")
                .contains("    frequencyPenalty: 0.5\n")
                // the key was for OpenAI's endpoint
                .doesNotContain("apiKey");
        assertThat(out).contains("system:\nYou are an AI assistant.").contains("user:\n{{question}}");
    }

    @Test
    void promptyV2FileForTheSameProviderKeepsItsConnection() {
        String out = PromptPort.translate(Prompt.prompty(PROMPTY_V2), GPT_4O, Options.DEFAULT.withPromptFile(true))
                .text();
        assertThat(out).contains("  id: gpt-4o\n").contains("  connection:\n").contains("apiKey: \"${env:OPENAI_API_KEY}\"");
    }

    @Test
    void promptyRoleLinesAreReadInAnyCaseWithAHashAndDeveloperAsSystem() {
        String file = "---\nmodel: gpt-4o\n---\nDeveloper:\nBe brief.\n\n# User:\nHi.\n\n  ASSISTANT :\nHello.\nuser:\nBye.\n";
        Conversation c = FrontMatterPrompt.read(file, PromptFileFormat.PROMPTY, Limits.DEFAULTS);
        assertThat(c.system()).extracting(FrontMatterPromptTest::text).containsExactly("Be brief.\n\n");
        assertThat(c.turns()).extracting(t -> t.role()).containsExactly(Role.USER, Role.ASSISTANT, Role.USER);
        assertThat(text(c.turns().get(1).parts().get(0))).isEqualTo("Hello.\n");
    }

    /** google/dotprompt spec/helpers/role.yaml, all_roles: a template with no front matter. */
    @Test
    void dotpromptWithoutFrontMatterStillSplitsItsRoles() {
        String file = "{{role \"system\"}}this is system\n{{role \"user\"}}this is user1\n"
                + "{{role \"model\"}}this is model\n{{role \"user\"}}this is user2\n";
        String json = PromptPort.translate(Prompt.dotprompt(file), GPT_4O).json();
        assertThat(json).isEqualTo("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"system\",\"content\":\"this is system\\n\"},"
                + "{\"role\":\"user\",\"content\":\"this is user1\\n\"},{\"role\":\"assistant\",\"content\":\"this is model\\n\"},"
                + "{\"role\":\"user\",\"content\":\"this is user2\\n\"}]}");
    }

    @Test
    void promptyWithoutFrontMatterStillSplitsItsRoles() {
        Conversation c = FrontMatterPrompt.read("system:\nBe brief.\nuser:\nHi.\n", PromptFileFormat.PROMPTY,
                Limits.DEFAULTS);
        assertThat(c.system()).extracting(FrontMatterPromptTest::text).containsExactly("Be brief.\n");
        assertThat(c.turns()).extracting(t -> t.role()).containsExactly(Role.USER);
        assertThat(c.turns().get(0).parts().get(0).loc().line()).isEqualTo(4);
    }

    private static final String UNSENT = """
            ---
            model: googleai/gemini-2.5-flash
            config:
              temperature: 0.2
              safetySettings:
                - category: HARM_CATEGORY_HATE_SPEECH
            output:
              schema: Ticket
            tools: [lookup]
            ---
            Sort {{ticket}}.
            """;

    @Test
    void frontMatterSettingsARequestLeavesOutAreNamedWhereTheyAre() {
        var t = PromptPort.translate(Prompt.dotprompt(UNSENT), GPT_4O);
        assertThat(t.findings()).filteredOn(f -> f.id().equals("PP115"))
                .extracting(f -> f.location().line() + ":" + f.location().column() + " " + f.message())
                .containsExactlyInAnyOrder(
                        "7:1 \"output\" was left out of the request for openai:gpt-4o: promptport has no translation for this setting.",
                        "9:1 \"tools\" was left out of the request for openai:gpt-4o: promptport has no translation for this setting.",
                        "5:3 \"config.safetySettings\" was left out of the request for openai:gpt-4o: promptport has no translation for this setting.");
    }

    @Test
    void writtenBackFileNamesOnlyTheModelSettingsItLeavesOut() {
        var t = PromptPort.translate(Prompt.dotprompt(UNSENT), GPT_4O, Options.DEFAULT.withPromptFile(true));
        assertThat(t.text()).contains("output:\n  schema: Ticket").contains("tools:");
        assertThat(t.findings()).filteredOn(f -> f.id().equals("PP115"))
                .extracting(f -> f.message()).singleElement().asString().contains("config.safetySettings");
    }

    @Test
    void findingsOnAPromptFilesSettingsArePlacedAtTheSettingsLine() {
        String file = "---\nmodel: x\nconfig:\n  temperature: 0.2\n  topK: 3\n---\nhi\n";
        var t = PromptPort.translate(Prompt.dotprompt(file), Target.of("openai:o3"));
        assertThat(t.findings()).filteredOn(f -> f.id().equals("PP111") || f.id().equals("PP117"))
                .extracting(f -> f.id() + "@" + f.location().line() + ":" + f.location().column() + " " + f.location().pointer())
                .containsExactlyInAnyOrder("PP117@4:3 null", "PP111@5:3 null");
    }

    @Test
    void dotpromptRoleNamedInSingleQuotesIsARoleMarker() {
        Conversation c = FrontMatterPrompt.read("{{ role 'system' }}Be brief.\n{{role 'user'}}Hi.\n",
                PromptFileFormat.DOTPROMPT, Limits.DEFAULTS);
        assertThat(c.system()).extracting(FrontMatterPromptTest::text).containsExactly("Be brief.\n");
        assertThat(c.turns()).extracting(t -> text(t.parts().get(0))).containsExactly("Hi.\n");
    }

    @Test
    void promptyFileWrittenBackTwiceKeepsItsBody() {
        Options file = Options.DEFAULT.withPromptFile(true);
        String once = PromptPort.translate(Prompt.prompty(PROMPTY_V2), GPT_4O, file).text();
        String twice = PromptPort.translate(Prompt.prompty(once), GPT_4O, file).text();
        assertThat(once).endsWith("---\nsystem:\nYou are an AI assistant.\n\nuser:\n{{question}}\n");
        assertThat(twice).isEqualTo(once);
    }

    private static final Options WRITE_BACK = Options.DEFAULT.withPromptFile(true);

    private static java.util.List<String> found(dev.promptport.Translation t, String id) {
        return t.findings().stream().filter(f -> f.id().equals(id))
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.message()).toList();
    }

    /** microsoft/prompty spec §6.2: a role line may carry attributes, such as the speaker's name. */
    private static final String NAMED = """
            ---
            model: gpt-4o
            ---
            system:
            Be brief.
            user[name=Jane]:
            Hi.
              assistant[name="bot", nonce=abc]:
            Hello.
            user:
            Bye.
            """;

    @Test
    void promptyRoleLineWithANameIsReadAsARoleLine() {
        Conversation c = FrontMatterPrompt.read(NAMED, PromptFileFormat.PROMPTY, Limits.DEFAULTS);
        assertThat(c.system()).extracting(FrontMatterPromptTest::text).containsExactly("Be brief.\n");
        assertThat(c.turns()).extracting(t -> t.role()).containsExactly(Role.USER, Role.ASSISTANT, Role.USER);
        assertThat(c.turns()).extracting(t -> text(t.parts().get(0))).containsExactly("Hi.\n", "Hello.\n", "Bye.\n");
    }

    @Test
    void promptyRoleLineNameThatHasNoPlaceIsNamed() {
        var t = PromptPort.translate(Prompt.prompty(NAMED), GPT_4O);
        assertThat(t.json()).doesNotContain("name=").doesNotContain("[name");
        assertThat(found(t, "PP200")).containsExactly(
                "6:1 The role line \"user[name=Jane]:\" gives its message the attributes [name=Jane], which Prompty"
                        + " sends along with the message (a name goes into OpenAI's name field); promptport keeps no names"
                        + " or attributes on messages, so the request for openai:gpt-4o has the message without them:"
                        + " the model is not told who wrote it.",
                "8:3 The role line \"assistant[name=\"bot\", nonce=abc]:\" gives its message the attributes"
                        + " [name=\"bot\", nonce=abc], which Prompty sends along with the message (a name goes into OpenAI's"
                        + " name field); promptport keeps no names or attributes on messages, so the request for"
                        + " openai:gpt-4o has the message without them: the model is not told who wrote it.");
        var file = PromptPort.translate(Prompt.prompty(NAMED), GPT_4O, WRITE_BACK);
        assertThat(file.text()).endsWith("---\nsystem:\nBe brief.\n\nuser:\nHi.\n\nassistant:\nHello.\n\nuser:\nBye.\n");
        assertThat(found(file, "PP200")).hasSize(2).allSatisfy(m -> assertThat(m).contains("the file written for openai:gpt-4o"));
    }

    @Test
    void promptyLineThatOnlyLooksLikeARoleLineStaysText() {
        Conversation c = FrontMatterPrompt.read("system:\nuser[Jane]:\nuser[name=]x:\n", PromptFileFormat.PROMPTY,
                Limits.DEFAULTS);
        assertThat(c.system()).extracting(FrontMatterPromptTest::text).containsExactly("user[Jane]:\nuser[name=]x:\n");
        assertThat(c.turns()).isEmpty();
    }

    /** Prompty 1 (microsoft/prompty's Prompty.yaml): an Azure OpenAI connection, and the model's response key. */
    private static final String AZURE = """
            ---
            name: Answer
            model:
              api: chat
              configuration:
                type: azure_openai
                azure_endpoint: ${env:AZURE_OPENAI_ENDPOINT}
                azure_deployment: gpt-35-turbo
                api_version: 2024-10-21
              parameters:
                max_tokens: 300
              response: all
            ---
            system:
            Answer briefly.
            """;

    @Test
    void promptyV1ConnectionSettingsStayForTheSameKindOfConnection() {
        var t = PromptPort.translate(Prompt.prompty(AZURE), Target.of("azure:gpt-4o"), WRITE_BACK);
        assertThat(t.text()).contains("""
                model:
                  api: chat
                  configuration:
                    type: azure_openai
                    azure_deployment: gpt-4o
                    azure_endpoint: "${env:AZURE_OPENAI_ENDPOINT}"
                    api_version: 2024-10-21
                  parameters:
                    max_tokens: 300
                  response: all
                """);
        assertThat(found(t, "PP203")).isEmpty();
    }

    @Test
    void promptyV1ConnectionSettingsForAnotherConnectionAreNamedWhereTheyAre() {
        var t = PromptPort.translate(Prompt.prompty(AZURE), Target.of("gemini:gemini-2.5-pro"), WRITE_BACK);
        assertThat(t.text()).doesNotContain("azure").doesNotContain("api_version")
                .contains("    type: gemini\n    name: gemini-2.5-pro\n").contains("  response: all\n");
        assertThat(found(t, "PP203")).containsExactly(
                "7:5 The setting model.configuration.azure_endpoint belongs to the azure_openai connection the file was"
                        + " written for; the file written for gemini:gemini-2.5-pro connects through gemini instead, where"
                        + " the setting does not apply, so it was left out.",
                "9:5 The setting model.configuration.api_version belongs to the azure_openai connection the file was"
                        + " written for; the file written for gemini:gemini-2.5-pro connects through gemini instead, where"
                        + " the setting does not apply, so it was left out.");
    }

    @Test
    void promptyV2ConnectionForAnotherProviderIsNamed() {
        var t = PromptPort.translate(Prompt.prompty(PROMPTY_V2), Target.of("anthropic:claude-sonnet-4-5"), WRITE_BACK);
        assertThat(found(t, "PP203")).singleElement().asString().startsWith("7:3 The setting model.connection belongs to"
                + " the openai connection the file was written for; the file written for anthropic:claude-sonnet-4-5"
                + " connects through anthropic instead");
        assertThat(found(PromptPort.translate(Prompt.prompty(PROMPTY_V2), GPT_4O, WRITE_BACK), "PP203")).isEmpty();
    }

    private static String dotprompt(String output) {
        return "---\nmodel: googleai/gemini-2.5-flash\noutput:\n" + output + "---\nDescribe {{person}}.\n";
    }

    @Test
    void dotpromptJsonFormatBecomesTheTargetsJsonMode() {
        String file = dotprompt("  format: json\n");
        var openAi = PromptPort.translate(Prompt.dotprompt(file), GPT_4O);
        assertThat(openAi.json()).contains("\"response_format\":{\"type\":\"json_object\"}");
        assertThat(found(openAi, "PP115")).isEmpty();
        assertThat(PromptPort.translate(Prompt.dotprompt(file), Target.of("gemini:gemini-2.5-pro")).json())
                .contains("\"responseMimeType\":\"application/json\"");
    }

    @Test
    void dotpromptPicoschemaBecomesTheReplySchema() {
        String file = dotprompt("  format: json\n  schema:\n    name: string\n    age?: integer\n    tags(array): string\n");
        // a target that takes the schema as written shows it whole
        var claude = PromptPort.translate(Prompt.dotprompt(file), Target.of("anthropic:claude-sonnet-4-5"));
        assertThat(claude.json()).contains("\"schema\":{\"type\":\"object\",\"properties\":{"
                + "\"name\":{\"type\":\"string\"},\"age\":{\"type\":[\"integer\",\"null\"]},"
                + "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}},"
                + "\"required\":[\"name\",\"tags\"],\"additionalProperties\":false}");
        assertThat(found(claude, "PP115")).isEmpty();
        // OpenAI's strict mode wants every field required: the request's own schema fitting applies, and says so
        var openAi = PromptPort.translate(Prompt.dotprompt(file), GPT_4O);
        assertThat(openAi.json()).contains("\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{"
                + "\"name\":\"response\",\"schema\":{").contains("\"strict\":false");
        assertThat(found(openAi, "PP161")).singleElement().asString().startsWith("3:1 ").contains("age");
    }

    @Test
    void dotpromptJsonSchemaWithoutAFormatIsTheReplySchema() {
        String file = dotprompt("  schema:\n    type: object\n    properties:\n      name: {type: string}\n");
        assertThat(PromptPort.translate(Prompt.dotprompt(file), Target.of("anthropic:claude-sonnet-4-5")).json())
                .contains("\"format\":{\"type\":\"json_schema\",\"schema\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}");
    }

    @Test
    void dotpromptOutputThatCannotBeConvertedIsStillNamed() {
        for (String output : new String[] {"  schema: Person\n", "  format: jsonl\n", "  format: text\n  schema: {a: string}\n",
                "  schema: {a(list): string}\n"}) {
            var t = PromptPort.translate(Prompt.dotprompt(dotprompt(output)), GPT_4O);
            assertThat(t.json()).as(output).doesNotContain("response_format");
            assertThat(found(t, "PP115")).as(output).containsExactly(
                    "3:1 \"output\" was left out of the request for openai:gpt-4o: promptport has no translation for this setting.");
        }
    }

    @Test
    void dotpromptOutputStaysAsWrittenInAFileWrittenBack() {
        String file = dotprompt("  format: json\n  schema: {name: string}\n");
        var t = PromptPort.translate(Prompt.dotprompt(file), GPT_4O, WRITE_BACK);
        assertThat(t.text()).contains("output:\n  format: json\n  schema:\n    name: string\n");
        assertThat(t.findings()).extracting(f -> f.id()).doesNotContain("PP188", "PP115");
    }

    /** Handlebars comments, one on a line of its own, one inline, one long form hiding a role marker. */
    private static final String COMMENTED = """
            ---
            model: googleai/gemini-2.5-flash
            ---
            {{role "system"}}
            {{! keep this short for the mobile app }}
            Be brief. {{!-- was: be thorough, {{role "user"}} --}}Be kind.
            {{role "user"}}
            Hi {{name}}.
            """;

    @Test
    void dotpromptCommentsAreLeftOutOfTheRequestAndNamed() {
        var t = PromptPort.translate(Prompt.dotprompt(COMMENTED), GPT_4O);
        assertThat(t.json()).isEqualTo("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"system\",\"content\":"
                + "\"Be brief. Be kind.\\n\"},{\"role\":\"user\",\"content\":\"Hi {{name}}.\\n\"}]}");
        assertThat(found(t, "PP201")).containsExactly(
                "5:1 The Handlebars comment {{! keep this short for the mobile app }} is never sent to the model"
                        + " (Dotprompt drops it when it renders the template), so it was left out of the request for openai:gpt-4o.",
                "6:11 The Handlebars comment {{!-- was: be thorough, {{role \"user\"}} --}} is never sent to the model"
                        + " (Dotprompt drops it when it renders the template), so it was left out of the request for openai:gpt-4o.");
        assertThat(found(t, "PP139")).singleElement().asString().contains("{{name}}");
        // the system text starts after the comment line above it, and is placed there
        Conversation c = FrontMatterPrompt.read(COMMENTED, PromptFileFormat.DOTPROMPT, Limits.DEFAULTS);
        assertThat(c.system()).singleElement().satisfies(p -> assertThat(p.loc().line()).isEqualTo(6));
    }

    @Test
    void dotpromptCommentsStayInAFileWrittenBack() {
        var t = PromptPort.translate(Prompt.dotprompt(COMMENTED), GPT_4O, WRITE_BACK);
        assertThat(t.text()).endsWith("---\n{{role \"system\"}}\n{{! keep this short for the mobile app }}\n"
                + "Be brief. {{!-- was: be thorough, {{role \"user\"}} --}}Be kind.\n{{role \"user\"}}\nHi {{name}}.\n");
        assertThat(found(t, "PP201")).isEmpty();
    }

    /** google/dotprompt spec/helpers/history.yaml, basic_history, with text after the marker. */
    private static final String HISTORY = """
            {{role "system"}}System prompt
            {{history}}
            Noted.
            {{role "user"}}Additional message
            """;

    @Test
    void dotpromptHistoryMarksWhereTheConversationGoes() {
        var t = PromptPort.translate(Prompt.dotprompt(HISTORY), GPT_4O);
        assertThat(t.json()).isEqualTo("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"system\",\"content\":"
                + "\"System prompt\\n\"},{\"role\":\"assistant\",\"content\":\"Noted.\\n\"},"
                + "{\"role\":\"user\",\"content\":\"Additional message\\n\"}]}");
        assertThat(found(t, "PP202")).singleElement().asString().startsWith("2:1 {{history}} marks where Dotprompt"
                + " inserts the conversation so far").endsWith("no history stands in its place. The text after it has no"
                + " role marker of its own, so it became a model (assistant) message, as Dotprompt makes it.");
        var bare = PromptPort.translate(Prompt.dotprompt(HISTORY.replace("Noted.\n", "")), GPT_4O);
        assertThat(found(bare, "PP202")).singleElement().asString().endsWith("no history stands in its place.");
        assertThat(t.findings()).filteredOn(f -> f.id().equals("PP202")).singleElement()
                .satisfies(f -> assertThat(f.fix()).contains("insert the conversation's earlier messages at that point"));
        assertThat(found(t, "PP139")).isEmpty();
    }

    @Test
    void dotpromptHistoryStaysInAFileWrittenBack() {
        var t = PromptPort.translate(Prompt.dotprompt(HISTORY), GPT_4O, WRITE_BACK);
        assertThat(t.text()).contains("{{role \"system\"}}\nSystem prompt\n{{history}}\nNoted.\n{{role \"user\"}}\n");
        assertThat(found(t, "PP202")).isEmpty();
    }
}
