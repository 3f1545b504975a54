package dev.promptport.read;

import dev.promptport.PromptPortException;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.MediaSource;
import dev.promptport.tree.Part;
import dev.promptport.tree.ReasoningConfig;
import dev.promptport.tree.Role;
import dev.promptport.tree.Tool;
import dev.promptport.tree.ToolChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnthropicRequestReaderTest {

    @Test
    void readsSystemStringAndStringContent() {
        Conversation c = AnthropicRequestReader.read("""
                {"model":"claude-sonnet-4-5","max_tokens":100,"system":"Be brief.",
                 "messages":[{"role":"user","content":"Hi"}]}""");
        assertThat(c.model()).isEqualTo("claude-sonnet-4-5");
        assertThat(c.generation().maxTokens()).isEqualTo(100);
        assertThat(((Part.Text) c.system().get(0)).text()).isEqualTo("Be brief.");
        assertThat(c.turns()).hasSize(1);
        assertThat(c.turns().get(0).role()).isEqualTo(Role.USER);
        assertThat(c.turns().get(0).parts().get(0).loc().pointer()).isEqualTo("/messages/0/content");
    }

    @Test
    void systemBlocksKeepCacheHintsAndPointers() {
        Conversation c = AnthropicRequestReader.read("""
                {"system":[{"type":"text","text":"A"},{"type":"text","text":"B","cache_control":{"type":"ephemeral","ttl":"1h"}}],
                 "messages":[{"role":"user","content":"hi"}]}""");
        Part.Text b = (Part.Text) c.system().get(1);
        assertThat(b.cache().ttl()).isEqualTo("1h");
        assertThat(b.loc().pointer()).isEqualTo("/system/1");
    }

    @Test
    void unknownTopLevelFieldIsKeptAsExtraWithItsRawValue() {
        Conversation c = AnthropicRequestReader.read("""
                {"messages":[{"role":"user","content":"hi"}],"context_management":{"edits":[ 1, 2 ]}}""");
        assertThat(c.extras()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("context_management");
            assertThat(e.value().json()).isEqualTo("{\"edits\":[ 1, 2 ]}");
            assertThat(e.loc().pointer()).isEqualTo("/context_management");
        });
    }

    @Test
    void resultsOfToolsClaudeRanItselfAreKeptWholeEvenWhenTheirContentIsOneObject() {
        Conversation c = AnthropicRequestReader.read("""
                {"messages":[{"role":"assistant","content":[
                  {"type":"code_execution_tool_result","content":{"type":"code_execution_result","stdout":"4\\n",
                   "stderr":"","return_code":0,"content":[]},"tool_use_id":"srvtoolu_1"},
                  {"type":"web_fetch_tool_result","tool_use_id":"srvtoolu_2","content":{"type":"web_fetch_result",
                   "url":"https://example.com","content":{"type":"document","source":{"type":"text","media_type":"text/plain","data":"hi"}}}}]}]}""");
        List<Part> parts = c.turns().get(0).parts();
        assertThat(parts).hasSize(2).allSatisfy(p -> assertThat(p).isInstanceOf(Part.Opaque.class));
        assertThat(((Part.Opaque) parts.get(0)).raw().json()).contains("\"stdout\":\"4\\n\"");
        assertThat(c.extras()).isEmpty();
    }

    @Test
    void aToolResultWhoseContentIsOneObjectIsStillRefusedWithItsPointer() {
        assertThatThrownBy(() -> AnthropicRequestReader.read("""
                {"messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":{"a":1}}]}]}"""))
                .isInstanceOf(PromptPortException.class)
                .hasMessageContaining("found an object")
                .satisfies(e -> assertThat(((PromptPortException) e).location().pointer()).isEqualTo("/messages/0/content/0/content"));
    }

    @Test
    void unknownBlockTypeIsKeptWhole() {
        Conversation c = AnthropicRequestReader.read("""
                {"messages":[{"role":"user","content":[{"file_id":"f1","type":"container_upload"}]}]}""");
        Part.Opaque o = (Part.Opaque) c.turns().get(0).parts().get(0);
        assertThat(o.type()).isEqualTo("container_upload");
        assertThat(o.raw().json()).isEqualTo("{\"file_id\":\"f1\",\"type\":\"container_upload\"}");
    }

    @Test
    void toolSchemaAndToolInputArePassedThroughAsWritten() {
        Conversation c = AnthropicRequestReader.read("""
                {"tools":[{"name":"get_weather","description":"d","input_schema":{"type":"object", "properties":{}}}],
                 "messages":[{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"get_weather","input":{"city": "Oslo"}}]}]}""");
        Tool.Function f = (Tool.Function) c.tools().get(0);
        assertThat(f.schema().json()).isEqualTo("{\"type\":\"object\", \"properties\":{}}");
        Part.ToolCall call = (Part.ToolCall) c.turns().get(0).parts().get(0);
        assertThat(call.input().json()).isEqualTo("{\"city\": \"Oslo\"}");
    }

    @Test
    void hostedToolsAreRecognisedByType() {
        Conversation c = AnthropicRequestReader.read("""
                {"tools":[{"type":"web_search_20250305","name":"web_search","max_uses":3},
                          {"type":"bash_20250124","name":"bash"}],"messages":[{"role":"user","content":"hi"}]}""");
        assertThat(c.tools()).extracting(t -> ((Tool.Hosted) t).kind())
                .containsExactly(Tool.HostedKind.WEB_SEARCH, Tool.HostedKind.BASH);
    }

    @Test
    void readsToolChoiceThinkingAndOptions() {
        Conversation c = AnthropicRequestReader.read("""
                {"tool_choice":{"type":"any","disable_parallel_tool_use":true},
                 "thinking":{"type":"enabled","budget_tokens":2048},
                 "temperature":0.5,"top_p":0.9,"top_k":40,"stop_sequences":["END"],"stream":true,
                 "metadata":{"user_id":"u-1"},"service_tier":"auto","messages":[{"role":"user","content":"hi"}]}""");
        assertThat(c.toolChoice().mode()).isEqualTo(ToolChoice.Mode.ANY);
        assertThat(c.toolChoice().parallel()).isFalse();
        assertThat(c.reasoning().mode()).isEqualTo(ReasoningConfig.Mode.ENABLED);
        assertThat(c.reasoning().budgetTokens()).isEqualTo(2048);
        assertThat(c.generation().topK()).isEqualTo(40);
        assertThat(c.generation().stop()).containsExactly("END");
        assertThat(c.generation().user()).isEqualTo("u-1");
        assertThat(c.generation().serviceTier()).isEqualTo("auto");
    }

    @Test
    void readsImagesDocumentsToolResultsAndThinking() {
        Conversation c = AnthropicRequestReader.read("""
                {"messages":[
                  {"role":"user","content":[
                    {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBOR"}},
                    {"type":"image","source":{"type":"url","url":"https://x/y.png"}},
                    {"type":"document","source":{"type":"text","media_type":"text/plain","data":"hello"},
                     "title":"T","context":"C","citations":{"enabled":true}}]},
                  {"role":"assistant","content":[{"type":"thinking","thinking":"hmm","signature":"sig"},
                                                 {"type":"redacted_thinking","data":"xyz"}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","is_error":true,
                     "content":[{"type":"text","text":"boom"}]}]}]}""");
        var user = c.turns().get(0).parts();
        assertThat(((Part.Image) user.get(0)).source()).isEqualTo(new MediaSource.Base64("image/png", "iVBOR"));
        assertThat(((Part.Image) user.get(1)).source()).isEqualTo(new MediaSource.Url("https://x/y.png"));
        Part.Document d = (Part.Document) user.get(2);
        assertThat(d.citations()).isTrue();
        assertThat(d.title()).isEqualTo("T");
        assertThat(((Part.Reasoning) c.turns().get(1).parts().get(0)).signature()).isEqualTo("sig");
        assertThat(((Part.Reasoning) c.turns().get(1).parts().get(1)).redacted()).isTrue();
        Part.ToolResult r = (Part.ToolResult) c.turns().get(2).parts().get(0);
        assertThat(r.error()).isTrue();
        assertThat(((Part.Text) r.content().get(0)).text()).isEqualTo("boom");
    }

    @Test
    void invalidJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> AnthropicRequestReader.read("{\n  \"messages\": [,]\n}"))
                .isInstanceOf(PromptPortException.class)
                .hasMessageStartingWith("invalid JSON")
                .satisfies(e -> assertThat(((PromptPortException) e).location().display()).isEqualTo("2:16"));
    }

    @Test
    void jsonThatIsNotAnObjectIsNotARequest() {
        assertThatThrownBy(() -> AnthropicRequestReader.read("[1,2]"))
                .isInstanceOf(PromptPortException.class)
                .hasMessageContaining("not an Anthropic Messages request");
    }

    @Test
    void missingMessagesIsNamedByPointer() {
        assertThatThrownBy(() -> AnthropicRequestReader.read("{\"model\":\"x\"}"))
                .isInstanceOf(PromptPortException.class)
                .satisfies(e -> assertThat(((PromptPortException) e).location().pointer()).isEqualTo("/messages"));
    }

    @Test
    void wrongRoleIsNamedByPointer() {
        assertThatThrownBy(() -> AnthropicRequestReader.read(
                "{\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"tool\",\"content\":\"b\"}]}"))
                .isInstanceOf(PromptPortException.class)
                .hasMessageContaining("\"user\", \"assistant\" or \"system\", not \"tool\"")
                .satisfies(e -> assertThat(((PromptPortException) e).location().pointer()).isEqualTo("/messages/1/role"));
    }

    @Test
    void aSystemMessageIsASystemTurnAtItsPlace() {
        Conversation c = AnthropicRequestReader.read("""
                {"system":"Be brief.","messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"},
                 {"role":"system","content":[{"type":"text","text":"Answer in French."}]},{"role":"user","content":"2+2?"}]}""");
        assertThat(c.turns()).extracting(t -> t.role())
                .containsExactly(Role.USER, Role.ASSISTANT, Role.SYSTEM, Role.USER);
        assertThat(((Part.Text) c.turns().get(2).parts().get(0)).text()).isEqualTo("Answer in French.");
        assertThat(c.turns().get(2).loc().pointer()).isEqualTo("/messages/2");
        assertThat(((Part.Text) c.system().get(0)).text()).isEqualTo("Be brief.");
    }

    @Test
    void aSystemMessageWithAnImageIsRefusedWithItsPointer() {
        assertThatThrownBy(() -> AnthropicRequestReader.read("""
                {"messages":[{"role":"system","content":[{"type":"image","source":{"type":"url","url":"https://x/a.png"}}]},
                 {"role":"user","content":"Hi"}]}"""))
                .isInstanceOf(PromptPortException.class)
                .hasMessageContaining("system message holds text blocks only")
                .satisfies(e -> assertThat(((PromptPortException) e).location().pointer())
                        .isEqualTo("/messages/0/content/0"));
    }

    @Test
    void aToolCallInAUserMessageIsRefusedWithItsPointerRatherThanLeftOutOfTheTranslation() {
        // OpenAI Chat has no place for a call in a user message: the writer would have dropped it unnamed
        assertThatThrownBy(() -> AnthropicRequestReader.read("""
                {"messages":[{"role":"user","content":"Hi"},
                 {"role":"user","content":[{"type":"tool_use","id":"t1","name":"get","input":{"q":"secret"}}]}]}"""))
                .isInstanceOf(PromptPortException.class)
                .hasMessageContaining("a tool_use block belongs in an assistant message")
                .satisfies(e -> assertThat(((PromptPortException) e).location().pointer())
                        .isEqualTo("/messages/1/content/0"));
        assertThatThrownBy(() -> AnthropicRequestReader.read("""
                {"messages":[{"role":"user","content":"Hi"},
                 {"content":[{"type":"tool_result","tool_use_id":"t1","content":"42"}],"role":"assistant"}]}"""))
                .isInstanceOf(PromptPortException.class)
                .hasMessageContaining("a tool_result block belongs in a user message")
                .satisfies(e -> assertThat(((PromptPortException) e).location().pointer())
                        .isEqualTo("/messages/1/content/0"));
    }

    @Test
    void anEmptyContentListIsReadAsEmptyText() {
        Conversation c = AnthropicRequestReader.read("{\"messages\":[{\"role\":\"user\",\"content\":[]}]}");
        assertThat(c.turns().get(0).parts()).singleElement()
                .satisfies(p -> assertThat(((Part.Text) p).text()).isEmpty());
    }

    @Test
    void enabledThinkingWithoutABudgetIsRefusedWithItsPointer() {
        assertThatThrownBy(() -> AnthropicRequestReader.read("""
                {"max_tokens":1024,"messages":[{"role":"user","content":"Hi"}],"thinking":{"type":"enabled"}}"""))
                .isInstanceOf(PromptPortException.class)
                .hasMessageContaining("needs \"budget_tokens\"")
                .satisfies(e -> assertThat(((PromptPortException) e).location().pointer()).isEqualTo("/thinking"));
    }

    @Test
    void aToolUseInputThatIsNotAnObjectIsRefusedWithItsPointer() {
        assertThatThrownBy(() -> AnthropicRequestReader.read("""
                {"messages":[{"role":"user","content":"x"},{"role":"assistant","content":[
                 {"input":"city=Paris","type":"tool_use","id":"t1","name":"get_weather"}]}]}"""))
                .isInstanceOf(PromptPortException.class)
                .hasMessage("expected an object of the tool's arguments but found a string")
                .satisfies(e -> assertThat(((PromptPortException) e).location().pointer())
                        .isEqualTo("/messages/1/content/0/input"));
    }

    @Test
    void anEmptyMessageListIsRefusedWithItsPointer() {
        assertThatThrownBy(() -> AnthropicRequestReader.read("{\"model\":\"x\",\"max_tokens\":5,\"messages\":[]}"))
                .isInstanceOf(PromptPortException.class)
                .hasMessageContaining("\"messages\" is empty")
                .satisfies(e -> assertThat(((PromptPortException) e).location().pointer()).isEqualTo("/messages"));
    }

    @Test
    void wrongTypeIsNamedByPointer() {
        assertThatThrownBy(() -> AnthropicRequestReader.read("{\"max_tokens\":\"many\",\"messages\":[]}"))
                .isInstanceOf(PromptPortException.class)
                .hasMessage("expected an integer but found a string")
                .satisfies(e -> assertThat(((PromptPortException) e).location().pointer()).isEqualTo("/max_tokens"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"thinking\",\"thinking\":\"Check the log first.\",\"signature\":\"c2ln\"}",
        "{\"type\":\"redacted_thinking\",\"data\":\"ZW5j\"}",
        "{\"type\":\"tool_use\",\"id\":\"t2\",\"name\":\"shot\",\"input\":{}}",
        "{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":\"ok\"}"})
    void aBlockThatHasNoPlaceInAToolResultIsRefusedWhereItStands(String block) {
        // Claude refuses these there; translated, their text would have nowhere to go
        String request = """
                {"max_tokens": 100, "messages": [
                 {"role": "user", "content": "Take a screenshot."},
                 {"role": "assistant", "content": [{"type": "tool_use", "id": "t1", "name": "shot", "input": {}}]},
                 {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t1", "content": [
                   {"type": "text", "text": "Saved."}, %s]}]}]}
                """.formatted(block);
        String type = block.substring(9, block.indexOf('"', 9));
        assertThatThrownBy(() -> AnthropicRequestReader.read(request))
                .isInstanceOf(PromptPortException.class)
                .hasMessage("a tool_result holds text, image, document and search_result blocks, not a " + type + " block")
                .satisfies(e -> assertThat(((PromptPortException) e).location().pointer())
                        .isEqualTo("/messages/2/content/0/content/1"));
    }

    @Test
    void tenThousandDeepNestingIsAClearErrorNotAStackOverflow() {
        String deep = "{\"messages\":[],\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        assertThatThrownBy(() -> AnthropicRequestReader.read(deep))
                .isInstanceOf(PromptPortException.class)
                .hasMessageContaining("limit");
    }
}
