package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.Translations.json;
import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.ids;
import static org.assertj.core.api.Assertions.assertThat;

/** Images and documents, inline or by address, on their way to each target. */
class MediaTranslateTest {

    private static final Target GPT_4O = Target.of("openai:gpt-4o");

    @Test
    void imagesBecomeImageUrlPartsWithDataUrls() throws Exception {
        Translation t = PromptPort.translate("""
                {"messages":[{"role":"user","content":[
                  {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0K"}},
                  {"type":"image","source":{"type":"url","url":"https://example.com/a.jpg"}},
                  {"type":"text","text":"Compare."}]}]}""", GPT_4O);
        JsonNode c = json(t).at("/messages/0/content");
        assertThat(c.get(0).at("/image_url/url").asText()).isEqualTo("data:image/png;base64,iVBORw0K");
        assertThat(c.get(1).at("/image_url/url").asText()).isEqualTo("https://example.com/a.jpg");
        assertThat(c.get(2).at("/text").asText()).isEqualTo("Compare.");
    }

    @Test
    void pdfBecomesAFilePartAndUrlDocumentIsNamedWhenLeftOut() throws Exception {
        Translation t = PromptPort.translate("""
                {"messages":[{"role":"user","content":[
                  {"type":"document","title":"Q3 report","source":{"type":"base64","media_type":"application/pdf","data":"JVBERi0x"}},
                  {"type":"document","source":{"type":"url","url":"https://example.com/b.pdf"}},
                  {"type":"text","text":"Summarise."}]}]}""", GPT_4O);
        JsonNode c = json(t).at("/messages/0/content");
        assertThat(c.get(0).at("/type").asText()).isEqualTo("file");
        assertThat(c.get(0).at("/file/filename").asText()).isEqualTo("Q3 report.pdf");
        assertThat(c.get(0).at("/file/file_data").asText()).isEqualTo("data:application/pdf;base64,JVBERi0x");
        assertThat(c).hasSize(2);
        assertThat(ids(t)).contains("PP120", "PP121");
    }

    @Test
    void pdfGivenByAddressIsSentByAddressWhereTheTargetFetchesFilesAndNamedWhereItCannot() throws Exception {
        String req = """
                {"max_tokens":100,"messages":[{"role":"user","content":[
                  {"type":"document","title":"Policy","source":{"type":"url","url":"https://example.com/p.pdf"}},
                  {"type":"text","text":"Summarise."}]}]}""";
        Translation responses = PromptPort.translate(req, Target.of("openai-responses:gpt-5"));
        assertThat(json(responses).at("/input/0/content/0/text").asText()).isEqualTo("Document \"Policy\":");
        assertThat(json(responses).at("/input/0/content/1/file_url").asText()).isEqualTo("https://example.com/p.pdf");
        Translation gemini = PromptPort.translate(req, Target.of("gemini:gemini-2.5-pro"));
        assertThat(json(gemini).at("/contents/0/parts/1/fileData/fileUri").asText()).isEqualTo("https://example.com/p.pdf");
        assertThat(json(gemini).at("/contents/0/parts/1/fileData/mimeType").asText()).isEqualTo("application/pdf");
        for (Translation t : List.of(responses, gemini)) {
            assertThat(ids(t)).contains("PP120").doesNotContain("PP121");
        }
        Translation chat = PromptPort.translate(req, GPT_4O);
        assertThat(chat.json()).doesNotContain("example.com");
        assertThat(ids(chat)).contains("PP121");
    }

    @Test
    void aDocumentAtALocalAddressIsLeftOutAndNamedForEveryTarget() throws Exception {
        String req = """
                {"model": "claude-sonnet-4-5", "max_tokens": 100, "messages": [{"role": "user", "content": [
                  {"type": "document", "title": "Contract", "source": {"type": "url", "url": "file:///home/me/contract.pdf"}},
                  {"type": "text", "text": "Summarize the contract."}]}]}""";
        for (String target : new String[] {"openai:gpt-4o", "openai-responses:gpt-5", "gemini:gemini-2.5-pro",
            "anthropic:claude-sonnet-4-5"}) {
            Translation t = PromptPort.translate(req, Target.of(target));
            assertThat(t.json()).as(target).doesNotContain("file:///home/me/contract.pdf").contains("Summarize the contract.");
            assertThat(t.findings()).as(target).anySatisfy(f -> {
                assertThat(f.id()).isEqualTo("PP121");
                assertThat(f.message()).contains("\"Contract\"", "file:///home/me/contract.pdf", "not a web address");
            });
        }
    }

    @Test
    void geminiVideoByAddressKeepsItsTypeForGeminiAndIsNamedWhereOnlyPdfAddressesAreRead() throws Exception {
        String req = """
                {"contents":[{"role":"user","parts":[
                  {"fileData":{"mimeType":"video/mp4","fileUri":"https://www.youtube.com/watch?v=abc"}},
                  {"text":"What happens in this video?"}]}]}""";
        Translation gemini = PromptPort.translate(req, InputFormat.GEMINI, Target.of("gemini:gemini-2.5-pro"), Options.DEFAULT);
        assertThat(json(gemini).at("/contents/0/parts/0/fileData/mimeType").asText()).isEqualTo("video/mp4");
        for (String target : List.of("anthropic:claude-sonnet-4-5", "openai-responses:gpt-5")) {
            Translation t = PromptPort.translate(req, InputFormat.GEMINI, Target.of(target), Options.DEFAULT);
            assertThat(t.json()).doesNotContain("youtube").contains("What happens in this video?");
            assertThat(t.findings()).anySatisfy(f -> {
                assertThat(f.id()).isEqualTo("PP121");
                assertThat(f.message()).contains("video/mp4");
            });
        }
    }

    @Test
    void geminiUrlContextAndSearchBecomeClaudesWebFetchAndWebSearchAndGoBackUnchanged() throws Exception {
        String req = """
                {"contents":[{"role":"user","parts":[{"text":"Read https://a.example"}]}],
                 "tools":[{"urlContext":{}},{"googleSearch":{}}]}""";
        Translation claude = PromptPort.translate(req, InputFormat.GEMINI, Target.of("anthropic:claude-sonnet-4-5"),
                Options.DEFAULT);
        assertThat(json(claude).at("/tools/0/type").asText()).isEqualTo("web_fetch_20250910");
        assertThat(json(claude).at("/tools/1/type").asText()).isEqualTo("web_search_20250305");
        Translation gemini = PromptPort.translate(req, InputFormat.GEMINI, Target.of("gemini:gemini-2.5-pro"),
                Options.DEFAULT);
        assertThat(json(gemini).at("/tools").toString()).isEqualTo("[{\"urlContext\":{}},{\"googleSearch\":{}}]");
    }

    @Test
    void imageWithATextSourceIsLeftOutWithAFindingNotACrash() throws Exception {
        String req = """
                {"max_tokens":100,"messages":[{"role":"user","content":[
                  {"type":"image","source":{"type":"text","media_type":"text/plain","data":"hi"}},
                  {"type":"text","text":"What is this?"}]}]}""";
        for (String target : List.of("openai:gpt-4o", "openai-responses:gpt-5", "gemini:gemini-2.5-pro")) {
            Translation t = PromptPort.translate(req, Target.of(target));
            assertThat(t.json()).contains("What is this?");
            assertThat(ids(t)).contains("PP121");
        }
    }

    @Test
    void aDocumentOfContentBlocksGoesBackToClaudeAsItsBlocksAndElsewhereAsItsText() throws Exception {
        String request = """
                {"model":"claude-sonnet-4-5","max_tokens":500,"messages":[{"role":"user","content":[
                  {"type":"document","title":"Slide 4","citations":{"enabled":true},"source":{"type":"content","content":[
                    {"type":"text","text":"Figure 1 shows Q3 revenue."},
                    {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}]}},
                  {"type":"text","text":"What does the slide say?"}]}]}""";
        Translation claude = PromptPort.translate(request, Target.of("anthropic:claude-haiku-4-5"));
        dev.promptport.spec.ClaudeSdk.assertValidRequest(claude.json());
        JsonNode source = json(claude).at("/messages/0/content/0/source");
        assertThat(source.path("type").asText()).isEqualTo("content");
        assertThat(source.at("/content/0/text").asText()).isEqualTo("Figure 1 shows Q3 revenue.");
        assertThat(source.at("/content/1/source/data").asText()).isEqualTo("iVBORw0KGgo=");
        assertThat(ids(claude)).doesNotContain("PP121");

        Translation gpt = PromptPort.translate(request, GPT_4O);
        assertThat(json(gpt).at("/messages/0/content/0/text").asText()).contains("Figure 1 shows Q3 revenue.");
        assertThat(Translations.finding(gpt, "PP121").message()).contains("1 block(s) other than text");
    }

    @Test
    void aDataUrlWithParametersBeforeBase64KeepsItsImageTypeForEveryTarget() throws Exception {
        String req = """
                {"model":"gpt-4o","messages":[{"role":"user","content":[
                  {"type":"image_url","image_url":{"url":"data:image/jpeg;charset=utf-8;base64,/9j/4AAQ"}},
                  {"type":"image_url","image_url":{"url":"data:Image/PNG;name=chart.png;base64,iVBORw0K"}},
                  {"type":"text","text":"Compare them."}]}]}""";
        Translation claude = PromptPort.translate(req, InputFormat.OPENAI_CHAT, Target.of("anthropic:claude-sonnet-4-5"),
                Options.DEFAULT);
        dev.promptport.spec.ClaudeSdk.assertValidRequest(claude.json());
        assertThat(json(claude).at("/messages/0/content/0/source/media_type").asText()).isEqualTo("image/jpeg");
        assertThat(json(claude).at("/messages/0/content/1/source/media_type").asText()).isEqualTo("image/png");
        assertThat(json(claude).at("/messages/0/content/1/source/data").asText()).isEqualTo("iVBORw0K");
        assertThat(ids(claude)).doesNotContain("PP121");
        Translation gemini = PromptPort.translate(req, InputFormat.OPENAI_CHAT, Target.of("gemini:gemini-2.5-pro"),
                Options.DEFAULT);
        assertThat(json(gemini).at("/contents/0/parts/0/inlineData/mimeType").asText()).isEqualTo("image/jpeg");
        assertThat(ids(gemini)).doesNotContain("PP121");
    }

    @Test
    void anOpenAiFilePartPromptportCannotReadNeverReachesClaude() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"gpt-4o","messages":[{"role":"user","content":[
                  {"type":"file","file":{"filename":"notes.pdf"}},{"type":"text","text":"Summarise."}]}]}""",
                InputFormat.OPENAI_CHAT, Target.of("anthropic:claude-sonnet-4-5"), Options.DEFAULT);
        dev.promptport.spec.ClaudeSdk.assertValidRequest(t.json());
        assertThat(json(t).at("/messages/0/content")).hasSize(1);
        assertThat(ids(t)).contains("PP121");
    }
    @Test
    void aSearchResultInAToolResultStaysInTheToolMessageAsTextWithItsTitleAndSource() throws Exception {
        String req = """
                {"max_tokens":100,"tools":[{"name":"kb","input_schema":{"type":"object","properties":{"q":{"type":"string"}}}}],
                 "messages":[{"role":"user","content":"q"},
                  {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"kb","input":{"q":"reset"}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":[
                    {"type":"search_result","source":"https://kb/1","title":"KB1","citations":{"enabled":true},
                     "content":[{"type":"text","text":"Reset via settings."}]}]}]}]}""";
        String document = "<document title=\"KB1\" context=\"source: https://kb/1\">\nReset via settings.\n</document>";

        Translation chat = PromptPort.translate(req, GPT_4O);
        dev.promptport.spec.OpenAiSpec.require().assertCleanChatRequest(chat.json());
        JsonNode messages = json(chat).path("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.at("/2/role").asText()).isEqualTo("tool");
        assertThat(messages.at("/2/content").asText()).isEqualTo(document);
        assertThat(ids(chat)).contains("PP120", "PP122").doesNotContain("PP128");

        Translation responses = PromptPort.translate(req, Target.of("openai-responses:gpt-4o"));
        dev.promptport.spec.OpenAiSpec.require().assertCleanResponsesRequest(responses.json());
        assertThat(json(responses).at("/input/2/output").asText()).isEqualTo(document);

        Translation gemini = PromptPort.translate(req, Target.of("gemini:gemini-2.5-pro"));
        assertThat(json(gemini).at("/contents/2/parts/0/functionResponse/response/result").asText()).isEqualTo(document);
        assertThat(json(gemini).at("/contents/2/parts")).hasSize(1);
        assertThat(ids(gemini)).doesNotContain("PP128");
    }

    @Test
    void anImageAddressWithoutAKnownExtensionIsNamedForGeminiSinceItsDeclaredTypeIsAGuess() throws Exception {
        String req = """
                {"max_tokens":100,"messages":[{"role":"user","content":[
                  {"type":"image","source":{"type":"url","url":"%s"}},{"type":"text","text":"What is this?"}]}]}""";
        Target pro = Target.of("gemini:gemini-2.5-pro");
        Translation guessed = PromptPort.translate(req.formatted("https://example.com/render?id=3"), pro);
        assertThat(json(guessed).at("/contents/0/parts/0/fileData/mimeType").asText()).isEqualTo("image/jpeg");
        assertThat(Translations.finding(guessed, "PP193").message())
                .contains("https://example.com/render?id=3", "fetches itself", "is a guess, image/jpeg");

        Translation named = PromptPort.translate(req.formatted("https://example.com/chart.PNG"), pro);
        assertThat(json(named).at("/contents/0/parts/0/fileData/mimeType").asText()).isEqualTo("image/png");
        assertThat(ids(named)).doesNotContain("PP120", "PP193");
    }

    @Test
    void anImageTypeTheModelDoesNotReadIsNamedOnceWhereItIsLeftOutAndAsARiskElsewhere() throws Exception {
        String req = """
                {"max_tokens":100,"messages":[{"role":"user","content":[
                  {"type":"image","source":{"type":"base64","media_type":"image/bmp","data":"Qk0="}},
                  {"type":"text","text":"What is this?"}]}]}""";
        for (String target : new String[] {"anthropic:claude-sonnet-4-5", "gemini:gemini-2.5-pro", "openai:gpt-4o"}) {
            Translation t = PromptPort.translate(req, Target.of(target));
            assertThat(ids(t)).as(target).contains("PP121").doesNotContain("PP144");
        }
        // a compatible vendor's image types are not published alike: a risk, not a certain refusal
        assertThat(ids(PromptPort.translate(req, Target.of("mistral:mistral-large-latest")))).contains("PP144")
                .doesNotContain("PP121");
    }

    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    private static String geminiImages(String generationConfig, String... resolutions) {
        StringBuilder parts = new StringBuilder("{\"text\":\"Read the small text.\"}");
        for (String r : resolutions) {
            parts.append(",{\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"").append(PNG).append("\"}")
                    .append(r == null ? "" : ",\"mediaResolution\":{\"level\":\"MEDIA_RESOLUTION_" + r + "\"}").append('}');
        }
        return "{\"contents\":[{\"role\":\"user\",\"parts\":[" + parts + "]}]"
                + (generationConfig == null ? "" : ",\"generationConfig\":" + generationConfig) + "}";
    }

    @Test
    void aGeminiImagesMediaResolutionBecomesOpenAisImageDetailAndIsNamedWhereNoneIsTaken() throws Exception {
        String req = geminiImages(null, "HIGH", "LOW", "MEDIUM");
        Translation chat = PromptPort.translate(req, InputFormat.GEMINI, GPT_4O, Options.DEFAULT);
        JsonNode c = json(chat).at("/messages/0/content");
        assertThat(c.get(1).at("/image_url/detail").asText()).isEqualTo("high");
        assertThat(c.get(2).at("/image_url/detail").asText()).isEqualTo("low");
        // OpenAI has no level between low and high
        assertThat(c.get(3).at("/image_url").has("detail")).isFalse();
        assertThat(Translations.finding(chat, "PP192").message()).isEqualTo("The image asks the model to look at it in"
                + " \"medium\" detail; openai:gpt-4o takes no such setting for one image, so it was not sent: the model reads"
                + " the image at its default resolution.");
        assertThat(Translations.finding(chat, "PP192").location().pointer()).isEqualTo("/contents/0/parts/3");

        Translation responses = PromptPort.translate(req, InputFormat.GEMINI, Target.of("openai-responses:gpt-5"), Options.DEFAULT);
        assertThat(json(responses).at("/input/0/content/1/detail").asText()).isEqualTo("high");

        Translation claude = PromptPort.translate(req, InputFormat.GEMINI, Target.of("anthropic:claude-sonnet-4-5"), Options.DEFAULT);
        assertThat(claude.findings()).filteredOn(f -> f.id().equals("PP192")).hasSize(3);
    }

    @Test
    void geminisRequestWideMediaResolutionBecomesTheDetailOfEachImageWithoutItsOwn() throws Exception {
        String req = geminiImages("{\"mediaResolution\":\"MEDIA_RESOLUTION_LOW\"}", null, "HIGH");
        Translation chat = PromptPort.translate(req, InputFormat.GEMINI, GPT_4O, Options.DEFAULT);
        JsonNode c = json(chat).at("/messages/0/content");
        assertThat(c.get(1).at("/image_url/detail").asText()).isEqualTo("low");
        assertThat(c.get(2).at("/image_url/detail").asText()).isEqualTo("high");
        assertThat(ids(chat)).doesNotContain("PP173", "PP192", "PP115");

        // no level between low and high, and no setting at all on Claude: named as what it is
        Translation medium = PromptPort.translate(geminiImages("{\"mediaResolution\":\"MEDIA_RESOLUTION_MEDIUM\"}", (String) null),
                InputFormat.GEMINI, GPT_4O, Options.DEFAULT);
        assertThat(Translations.finding(medium, "PP173").message()).isEqualTo("generationConfig.mediaResolution"
                + " (MEDIA_RESOLUTION_MEDIUM) was not sent: openai:gpt-4o reads images at low, high or automatic detail and"
                + " has no level between, so it reads them at automatic detail.");
        Translation claude = PromptPort.translate(req, InputFormat.GEMINI, Target.of("anthropic:claude-sonnet-4-5"), Options.DEFAULT);
        assertThat(Translations.finding(claude, "PP173").message()).endsWith("anthropic:claude-sonnet-4-5 has no setting for"
                + " the resolution it reads images at, so it reads them at its own.");

        // Gemini keeps its own setting
        Translation gemini = PromptPort.translate(req, InputFormat.GEMINI, Target.of("gemini:gemini-2.5-pro"), Options.DEFAULT);
        assertThat(json(gemini).at("/generationConfig/mediaResolution").asText()).isEqualTo("MEDIA_RESOLUTION_LOW");
    }

    @Test
    void aHeicImageNeverReachesOpenAiWhichRefusesTheWholeRequestOverIt() throws Exception {
        for (String type : new String[] {"image/heic", "image/heif"}) {
            String req = """
                    {"contents":[{"role":"user","parts":[{"text":"What is in this file?"},
                      {"inlineData":{"mimeType":"%s","data":"aGVpYw=="}}]}]}""".formatted(type);
            for (String target : new String[] {"openai:gpt-4o", "openai-responses:gpt-5"}) {
                Translation t = PromptPort.translate(req, InputFormat.GEMINI, Target.of(target), Options.DEFAULT);
                assertThat(t.json()).as(target).doesNotContain("aGVpYw==", type);
                assertThat(ids(t)).as(target).contains("PP121").doesNotContain("PP144");
                assertThat(Translations.finding(t, "PP121").message()).isEqualTo("The image is " + type + ", which " + target
                        + " does not read (it takes PNG, JPEG, WEBP and non-animated GIF), so it was left out.");
            }
            // Gemini reads it
            assertThat(PromptPort.translate(req, InputFormat.GEMINI, Target.of("gemini:gemini-2.5-pro"), Options.DEFAULT).json())
                    .contains("aGVpYw==");
        }
    }

    @Test
    void aDocumentInTheTargetsOwnFilePartIsNotNamedAsSentInAnotherForm() throws Exception {
        String chat = """
                {"model":"gpt-4o","messages":[{"role":"user","content":[
                  {"type":"file","file":{"filename":"q3.pdf","file_data":"data:application/pdf;base64,JVBERi0x"}},
                  {"type":"text","text":"Summarise."}]}]}""";
        for (String target : List.of("openai:gpt-4o", "openai-responses:gpt-5")) {
            Translation t = PromptPort.translate(chat, InputFormat.OPENAI_CHAT, Target.of(target), Options.DEFAULT);
            assertThat(t.json()).as(target).contains("JVBERi0x");
            assertThat(ids(t)).as(target).doesNotContain("PP120", "PP121");
        }
        dev.promptport.spec.OpenAiSpec.require().assertCleanChatRequest(
                PromptPort.translate(chat, InputFormat.OPENAI_CHAT, GPT_4O, Options.DEFAULT).json());
        String gemini = """
                {"contents":[{"role":"user","parts":[
                  {"inlineData":{"mimeType":"application/pdf","data":"JVBERi0x"}},
                  {"fileData":{"mimeType":"application/pdf","fileUri":"https://example.com/p.pdf"}},
                  {"text":"Compare the two."}]}]}""";
        Translation pro = PromptPort.translate(gemini, InputFormat.GEMINI, Target.of("gemini:gemini-2.5-pro"), Options.DEFAULT);
        assertThat(json(pro).at("/contents/0/parts/0/inlineData/data").asText()).isEqualTo("JVBERi0x");
        assertThat(json(pro).at("/contents/0/parts/1/fileData/fileUri").asText()).isEqualTo("https://example.com/p.pdf");
        assertThat(ids(pro)).doesNotContain("PP120", "PP121");
    }

    @Test
    void aDocumentWhoseFormChangesIsStillNamed() throws Exception {
        String chat = """
                {"model":"gpt-4o","messages":[{"role":"user","content":[
                  {"type":"file","file":{"filename":"q3.pdf","file_data":"data:application/pdf;base64,JVBERi0x"}},
                  {"type":"text","text":"Summarise."}]}]}""";
        // another vendor reads the PDF its own way
        assertThat(ids(PromptPort.translate(chat, InputFormat.OPENAI_CHAT, Target.of("gemini:gemini-2.5-pro"),
                Options.DEFAULT))).contains("PP120");
        // a PDF in an image part is no file part of OpenAI's: it becomes one
        String asImage = """
                {"model":"gpt-4o","messages":[{"role":"user","content":[
                  {"type":"image_url","image_url":{"url":"data:application/pdf;base64,JVBERi0x"}},
                  {"type":"text","text":"Summarise."}]}]}""";
        assertThat(ids(PromptPort.translate(asImage, InputFormat.OPENAI_CHAT, GPT_4O, Options.DEFAULT))).contains("PP120");
        String gemini = """
                {"contents":[{"role":"user","parts":[
                  {"inlineData":{"mimeType":"application/pdf","data":"JVBERi0x"}},{"text":"Summarise."}]}]}""";
        assertThat(ids(PromptPort.translate(gemini, InputFormat.GEMINI, GPT_4O, Options.DEFAULT))).contains("PP120");
    }

    @Test
    void aFileUploadedToOpenAiGoesOnByItsIdToOpenAiInTheTargetsOwnPart() throws Exception {
        String chat = """
                {"model":"gpt-4o","messages":[{"role":"user","content":[{"type":"text","text":"Read it."},
                  {"type":"file","file":{"file_id":"file-abc"}}]}]}""";
        String responses = """
                {"model":"gpt-5","input":[{"role":"user","content":[{"type":"input_text","text":"Read both."},
                  {"type":"input_file","file_id":"file-abc","filename":"q3.pdf"},
                  {"type":"input_image","file_id":"file-img","detail":"high"}]}]}""";
        for (String target : List.of("openai:gpt-4o", "openai:gpt-5")) {
            Translation fromChat = PromptPort.translate(chat, InputFormat.OPENAI_CHAT, Target.of(target), Options.DEFAULT);
            dev.promptport.spec.OpenAiSpec.require().assertCleanChatRequest(fromChat.json());
            assertThat(json(fromChat).at("/messages/0/content/1").toString()).as(target)
                    .isEqualTo("{\"type\":\"file\",\"file\":{\"file_id\":\"file-abc\"}}");
            assertThat(ids(fromChat)).as(target).doesNotContain("PP120", "PP121");
        }
        Translation toResponses = PromptPort.translate(chat, InputFormat.OPENAI_CHAT, Target.of("openai-responses:gpt-4o"),
                Options.DEFAULT);
        dev.promptport.spec.OpenAiSpec.require().assertCleanResponsesRequest(toResponses.json());
        assertThat(json(toResponses).at("/input/0/content/1").toString())
                .isEqualTo("{\"type\":\"input_file\",\"file_id\":\"file-abc\"}");
        assertThat(ids(toResponses)).doesNotContain("PP120", "PP121");

        Translation back = PromptPort.translate(responses, InputFormat.OPENAI_RESPONSES, Target.of("openai-responses:gpt-5"),
                Options.DEFAULT);
        dev.promptport.spec.OpenAiSpec.require().assertCleanResponsesRequest(back.json());
        JsonNode c = json(back).at("/input/0/content");
        assertThat(c.get(1).toString()).isEqualTo("{\"type\":\"input_file\",\"file_id\":\"file-abc\",\"filename\":\"q3.pdf\"}");
        assertThat(c.get(2).toString()).isEqualTo("{\"type\":\"input_image\",\"file_id\":\"file-img\",\"detail\":\"high\"}");
        assertThat(ids(back)).doesNotContain("PP120", "PP121", "PP129");

        // Chat Completions names an image only by its address or bytes: the file part goes, the image is named
        Translation toChat = PromptPort.translate(responses, InputFormat.OPENAI_RESPONSES, GPT_4O, Options.DEFAULT);
        dev.promptport.spec.OpenAiSpec.require().assertCleanChatRequest(toChat.json());
        assertThat(json(toChat).at("/messages/0/content/1/file").toString())
                .isEqualTo("{\"file_id\":\"file-abc\",\"filename\":\"q3.pdf\"}");
        assertThat(toChat.json()).doesNotContain("file-img");
        assertThat(t121(toChat)).singleElement().satisfies(m -> assertThat(m).contains("file-img", "not by a file id"));
    }

    @Test
    void aFileUploadedToOpenAiIsNamedForCompatibleVendorsWhoseStoresDoNotHoldIt() throws Exception {
        String chat = """
                {"model":"gpt-4o","messages":[{"role":"user","content":[{"type":"text","text":"Read it."},
                  {"type":"file","file":{"file_id":"file-abc"}},
                  {"type":"image_url","image_url":{"url":"https://example.com/a.png"}}]}]}""";
        for (String target : List.of("azure:gpt-4o", "mistral:mistral-large-latest", "groq:llama-3.3-70b-versatile",
                "deepseek:deepseek-chat", "gemini:gemini-2.5-pro")) {
            Target to = Target.of(target);
            Translation t = PromptPort.translate(chat, InputFormat.OPENAI_CHAT, to, Options.DEFAULT);
            assertThat(t.json()).as(target).doesNotContain("file-abc");
            assertThat(t121(t)).as(target).anySatisfy(m -> assertThat(m).contains("file-abc", "OpenAI's file store"));
        }
    }

    private static List<String> t121(Translation t) {
        return t.findings().stream().filter(f -> f.id().equals("PP121")).map(Finding::message).toList();
    }

    @Test
    void openAiChatAudioReachesGeminiAsInlineDataAndIsNamedAsAudioWhereTheTargetTakesNone() throws Exception {
        String request = """
                {"model":"gpt-4o-audio-preview","messages":[{"role":"user","content":[{"type":"text","text":"Transcribe"},
                  {"type":"input_audio","input_audio":{"data":"UklGRiQA","format":"wav"}},
                  {"type":"input_audio","input_audio":{"data":"SUQzBAAA","format":"mp3"}}]}]}""";
        Translation gemini = PromptPort.translate(request, InputFormat.OPENAI_CHAT, Target.of("gemini:gemini-2.5-pro"),
                Options.DEFAULT);
        JsonNode parts = json(gemini).at("/contents/0/parts");
        assertThat(parts.get(1).at("/inlineData/mimeType").asText()).isEqualTo("audio/wav");
        assertThat(parts.get(1).at("/inlineData/data").asText()).isEqualTo("UklGRiQA");
        assertThat(parts.get(2).at("/inlineData/mimeType").asText()).isEqualTo("audio/mp3");
        assertThat(ids(gemini)).doesNotContain("PP129", "PP121");

        Translation openai = PromptPort.translate(request, InputFormat.OPENAI_CHAT, GPT_4O, Options.DEFAULT);
        assertThat(json(openai).at("/messages/0/content/1").toString())
                .isEqualTo("{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"UklGRiQA\",\"format\":\"wav\"}}");
        assertThat(ids(openai)).doesNotContain("PP129", "PP121");

        for (String target : List.of("anthropic:claude-sonnet-4-5", "openai-responses:gpt-4o", "deepseek:deepseek-chat")) {
            Translation t = PromptPort.translate(request, InputFormat.OPENAI_CHAT, Target.of(target), Options.DEFAULT);
            assertThat(t.json()).as(target).doesNotContain("UklGRiQA").doesNotContain("input_audio");
            assertThat(ids(t)).as(target).doesNotContain("PP129");
            assertThat(t.findings()).as(target).filteredOn(f -> f.id().equals("PP121"))
                    .extracting(f -> f.location().pointer() + " " + f.message())
                    .containsExactly("/messages/0/content/1 The audio clip (audio/wav) cannot be sent: " + target
                                    + " takes no audio in a request, so it was left out.",
                            "/messages/0/content/2 The audio clip (audio/mp3) cannot be sent: " + target
                                    + " takes no audio in a request, so it was left out.");
        }
    }

    @Test
    void aGeminiFilesOwnMediaResolutionIsNamedAsNotSent() {
        String pdf = """
                {"contents":[{"role":"user","parts":[
                  {"fileData":{"mimeType":"application/pdf","fileUri":"https://example.com/a.pdf"},
                   "mediaResolution":{"level":"MEDIA_RESOLUTION_LOW"}},
                  {"text":"Summarize."}]}]}""";
        for (String target : new String[] {"openai:gpt-4o", "anthropic:claude-sonnet-4-5"}) {
            Finding f = finding(PromptPort.translate(pdf, InputFormat.GEMINI, Target.of(target), Options.DEFAULT), "PP173");
            assertThat(f.location().pointer()).isEqualTo("/contents/0/parts/0/mediaResolution");
            assertThat(f.message()).contains("resolution", target);
        }
    }
}
