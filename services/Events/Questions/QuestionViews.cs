using Platform.Events.Infrastructure;
using Platform.ServiceDefaults.Text;

namespace Platform.Events.Questions;

public sealed record AskQuestionRequest([MultiLineText] string? Text);

/// <summary>A question as its asker sees it.</summary>
public sealed record QuestionView(Guid Id, string Text, QuestionStatus Status, DateTimeOffset AskedAt);

/// <summary>A question as the moderators see it: who asked, so they can tell the chair.</summary>
public sealed record ModeratedQuestionView(
    Guid Id, string Text, QuestionStatus Status, DateTimeOffset AskedAt, DateTimeOffset? ModeratedAt, string AskedBy, string Organisation);

/// <summary>One of the chair's questions: its place in the order, the question, and who asked it.</summary>
public sealed record ChairQuestionView(int Number, Guid Id, string Text, string AskedBy, string Organisation);

internal static class QuestionViews
{
    public static QuestionView ToView(this PanelQuestion q) => new(q.Id, q.Text, q.Status, q.AskedAt.ToLondon());
}
