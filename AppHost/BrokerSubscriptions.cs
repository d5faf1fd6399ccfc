/// <summary>
/// The other services' event exchanges ("Namespace:Type", as MassTransit names them) each service consumes: its broker
/// login may read from these and no others (hosting/RabbitMQ/BrokerPermissions). A new consumer of another service's
/// event is added here too, or its service cannot bind its queue and fails to start.
/// </summary>
internal static class BrokerSubscriptions
{
    public static readonly string[] Awards =
    [
        "Platform.Contracts.Events:PartnershipEventPublished",
        "Platform.Contracts.Events:PartnershipEventChanged",
        "Platform.Contracts.Events:PartnershipEventCancelled",
        "Platform.Contracts.Volunteers:MilestoneReached",
    ];

    public static readonly string[] Notifications =
    [
        "Platform.Contracts.Events:RegistrationConfirmed",
        "Platform.Contracts.Events:RegistrationWaitlisted",
        "Platform.Contracts.Events:PlaceOffered",
        "Platform.Contracts.Events:RegistrationCancelled",
        "Platform.Contracts.Events:PartnershipEventCancelled",
        "Platform.Contracts.Events:PartnershipEventReminderDue",
        "Platform.Contracts.Awards:NominationReceived",
        "Platform.Contracts.Awards:FinalistsConfirmed",
        "Platform.Contracts.Awards:WinnersAnnounced",
        "Platform.Contracts.Volunteers:ApplicationReceived",
        "Platform.Contracts.Volunteers:ApplicationStatusChanged",
        "Platform.Contracts.Volunteers:MilestoneReached",
        "Platform.Contracts.Volunteers:VolunteerAtRisk",
        "Platform.Contracts.Volunteers:CheckExpiring",
        "Platform.Contracts.Volunteers:CheckInDue",
        "Platform.Contracts.Volunteers:VolunteerLinkRenewed",
        "Platform.Contracts.Gateway:InvitationIssued",
        "Platform.Contracts.Gateway:PasswordResetRequested",
        // Partners' webhooks (issue 18): the public happenings not consumed above.
        "Platform.Contracts.Events:PartnershipEventPublished",
        "Platform.Contracts.Events:PartnershipEventChanged",
        "Platform.Contracts.Volunteers:RoleOpened",
        "Platform.Contracts.Volunteers:RoleClosed",
        // Automatic alerts and change notices (issue 18); the published event and the opened role are listed above.
        "Platform.Contracts.Events:EventChangeNoticeDue",
    ];
}
