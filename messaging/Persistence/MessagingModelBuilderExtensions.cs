using Microsoft.EntityFrameworkCore;

namespace Platform.Messaging;

/// <summary>
/// Adds the outbox and inbox tables to a service's own model, named like MassTransit's EF Core extensions so
/// that switching to MassTransit.EntityFrameworkCore later only changes this call site and a migration.
/// Column names are explicit snake_case because the relay's PostgreSQL query is hand-written SQL.
/// </summary>
public static class MessagingModelBuilderExtensions
{
    public const string OutboxTable = "outbox_message";
    public const string InboxTable = "inbox_state";

    public static ModelBuilder AddOutboxMessageEntity(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable(OutboxTable);
            e.HasKey(m => m.SequenceNumber);
            e.Property(m => m.SequenceNumber).HasColumnName("sequence_number").ValueGeneratedOnAdd();
            e.Property(m => m.MessageId).HasColumnName("message_id");
            e.Property(m => m.MessageType).HasColumnName("message_type").HasMaxLength(512);
            e.Property(m => m.Body).HasColumnName("body");
            e.Property(m => m.Headers).HasColumnName("headers");
            e.Property(m => m.CreatedAt).HasColumnName("created_at");
            e.Property(m => m.SentAt).HasColumnName("sent_at");
            e.Property(m => m.AttemptCount).HasColumnName("attempt_count");
            e.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(2000);
            e.Property(m => m.ParkedAt).HasColumnName("parked_at");

            // An event is written once; a second Add of the same event would be a bug, so fail the save.
            e.HasIndex(m => m.MessageId).IsUnique();
            // The relay only ever scans unsent rows; a partial index keeps that scan small as sent rows pile up.
            e.HasIndex(m => m.SequenceNumber).HasDatabaseName("ix_outbox_message_unsent").HasFilter("sent_at IS NULL");
            e.HasIndex(m => m.SentAt);
        });
        return modelBuilder;
    }

    public static ModelBuilder AddInboxStateEntity(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<InboxState>(e =>
        {
            e.ToTable(InboxTable);
            e.HasKey(i => i.Id);
            e.Property(i => i.Id).HasColumnName("id").ValueGeneratedOnAdd();
            e.Property(i => i.MessageId).HasColumnName("message_id");
            e.Property(i => i.ConsumerId).HasColumnName("consumer_id").HasMaxLength(256);
            e.Property(i => i.ReceivedAt).HasColumnName("received_at");
            e.Property(i => i.ConsumedAt).HasColumnName("consumed_at");

            // The unique pair is what makes two concurrent deliveries of one message collide instead of both committing.
            e.HasIndex(i => new { i.MessageId, i.ConsumerId }).IsUnique();
        });
        return modelBuilder;
    }
}
