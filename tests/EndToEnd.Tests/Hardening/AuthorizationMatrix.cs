using System.Text;

namespace Platform.EndToEnd.Tests.Hardening;

/// <summary>
/// Who may call what, through the gateway: one row per operation of the API documents, one column per kind of caller.
/// <list type="bullet">
/// <item><c>anonymous</c>: no credentials; <c>key</c>: a partner key with the one scope the gateway asks of this
/// operation (<c>{service}:read</c> for GET, <c>{service}:write</c> otherwise; for the gateway's own operations, a key
/// with every scope); <c>other-keys</c>: each of the seven other single-scope keys, one after another.</item>
/// <item><c>org-A</c>: a user of the organisation that owns the role, application, volunteer, hours and credential the
/// requests name; <c>org-B</c>: a user of another approved organisation; <c>judge</c>: an organisation user on the
/// panel of the category the requests name (nobody's organisation of the above); <c>staff</c>.</item>
/// </list>
/// Cells: <c>ok</c> 2xx; <c>in</c> let in (neither 401 nor 403: the request was judged on its content or state, e.g.
/// a 400 for a sample body, 404 for a link nobody was sent, 409 for a state already reached); or the exact status,
/// <c>401</c> (who are you?), <c>403</c> (not for you), <c>404</c> (another organisation's thing does not exist for you).
/// No cell accepts a 5xx.
/// </summary>
internal static class AuthorizationMatrix
{
    public static readonly string[] Columns = ["anonymous", "key", "other-keys", "org-A", "org-B", "judge", "staff"];

    private const string Table = """
        # operation                                                                  anonymous key other-keys org-A org-B judge staff
        # The gateway's own: accounts, organisations, keys. A key is no user: 401 wherever a user is needed, signing out included.
        POST /gateway/accounts/invitations                                             401       403 403        403   403   403   in
        POST /gateway/accounts/invitations/accept                                      in        in  in         in    in    in    in
        # login is public; the matrix signs in as nobody, so every caller gets login's own 401 for wrong credentials.
        POST /gateway/accounts/login                                                   401       401 401        401   401   401   401
        POST /gateway/accounts/logout                                                  401       401 401        ok    ok    ok    ok
        GET /gateway/accounts/me                                                       401       401 401        ok    ok    ok    ok
        POST /gateway/accounts/password                                                401       401 401        in    in    in    in
        # Forgotten passwords: anyone may ask (202 whether or not the address has an account) or use a link (404: nobody was sent this one).
        POST /gateway/accounts/password/reset                                          ok        ok  ok         ok    ok    ok    ok
        POST /gateway/accounts/password/reset/complete                                 in        in  in         in    in    in    in
        # Staff see every account and disable or enable one (the matrix's staff names an account nobody has: 404).
        GET /gateway/accounts                                                          401       403 403        403   403   403   ok
        POST /gateway/accounts/{id}/disable                                            401       403 403        403   403   403   in
        POST /gateway/accounts/{id}/enable                                             401       403 403        403   403   403   in
        # A staff account's permissions are set by other staff (the matrix's staff names an account nobody has: 404).
        PUT /gateway/accounts/{accountId}/permissions/{permission}                     401       403 403        403   403   403   in
        DELETE /gateway/accounts/{accountId}/permissions/{permission}                  401       403 403        403   403   403   in
        GET /gateway/api-keys                                                          401       403 403        403   403   403   ok
        POST /gateway/api-keys                                                         401       403 403        403   403   403   in
        DELETE /gateway/api-keys/{id}                                                  401       403 403        403   403   403   in
        POST /gateway/api-keys/{id}/rotate                                             401       403 403        403   403   403   in
        GET /gateway/organisations                                                     401       403 403        403   403   403   ok
        POST /gateway/organisations                                                    401       403 403        403   403   403   in

        # Reference data: the gateway's, public to every caller and key.
        GET /api/reference/districts                                                   ok        ok  ok         ok    ok    ok    ok

        # Events: the catalogue is public; a registration's link is its holder's, whoever calls with it; organising, check-in and reports are
        # staff's, and an organisation's users' for their own organisation's events (training days): the matrix's event is the office's, so 404.
        GET /api/events                                                                ok        ok  403        ok    ok    ok    ok
        POST /api/events                                                               401       403 403        in    in    in    in
        GET /api/events/all                                                            401       403 403        ok    ok    ok    ok
        GET /api/events/calendar.ics                                                   ok        ok  403        ok    ok    ok    ok
        DELETE /api/events/registrations/{token}                                       ok        in  403        in    in    in    in
        GET /api/events/registrations/{token}                                          ok        ok  403        ok    ok    ok    ok
        GET /api/events/registrations/{token}/calendar.ics                             ok        ok  403        ok    ok    ok    ok
        PUT /api/events/registrations/{token}/choices                                  in        in  403        in    in    in    in
        POST /api/events/registrations/{token}/offers/{sessionId}/accept               in        in  403        in    in    in    in
        POST /api/events/registrations/{token}/offers/{sessionId}/decline              in        in  403        in    in    in    in
        POST /api/events/registrations/{token}/confirm                                 in        in  403        in    in    in    in
        GET /api/events/registrations/{token}/qr.png                                   ok        ok  403        ok    ok    ok    ok
        GET /api/events/{eventId}/attendance                                           401       403 403        404   404   404   ok
        POST /api/events/{eventId}/check-ins                                           401       403 403        404   404   404   in
        GET /api/events/{eventId}/registrations                                        401       403 403        404   404   404   ok
        POST /api/events/{eventId}/registrations                                       in        in  403        in    in    in    in
        # The matrix names no registration by id (the hardening delegate's is not known to it): staff get 404.
        GET /api/events/{eventId}/registrations/{registrationId}                       401       403 403        404   404   404   in
        POST /api/events/{eventId}/registrations/{registrationId}/cancel               401       403 403        404   404   404   in
        GET /api/events/{eventId}/reports/registrations                                401       403 403        404   404   404   ok
        GET /api/events/{eventId}/reports/registrations.csv                            401       403 403        404   404   404   ok
        POST /api/events/{eventId}/sessions                                            401       403 403        404   404   404   in
        DELETE /api/events/{eventId}/sessions/{sessionId}                              401       403 403        404   404   404   in
        PUT /api/events/{eventId}/sessions/{sessionId}                                 401       403 403        404   404   404   in
        GET /api/events/{eventId}/sessions/{sessionId}/delegates                       401       403 403        404   404   404   ok
        POST /api/events/{eventId}/sessions/{sessionId}/check-ins                      401       403 403        404   404   404   in
        GET /api/events/{id}                                                           ok        ok  403        ok    ok    ok    ok
        PUT /api/events/{id}                                                           401       403 403        404   404   404   in
        POST /api/events/{id}/cancel                                                   401       403 403        404   404   404   in
        POST /api/events/{id}/close                                                    401       403 403        404   404   404   in
        POST /api/events/{id}/publish                                                  401       403 403        404   404   404   in
        # Events' speakers and invitees: the event's organisers' (staff, or its organisation's users); the matrix names no speaker or invitation (404).
        GET /api/events/{eventId}/speakers                                             401       403 403        404   404   404   ok
        POST /api/events/{eventId}/speakers                                            401       403 403        404   404   404   in
        PUT /api/events/{eventId}/speakers/{speakerId}                                 401       403 403        404   404   404   in
        DELETE /api/events/{eventId}/speakers/{speakerId}                              401       403 403        404   404   404   in
        GET /api/events/{eventId}/invitations                                          401       403 403        404   404   404   ok
        POST /api/events/{eventId}/invitations                                         401       403 403        404   404   404   in
        DELETE /api/events/{eventId}/invitations/{invitationId}                        401       403 403        404   404   404   in

        # Events' programme and follow-ups (issue 19): calls and the line-up are public; partner organisations (users, or keys with events:write) offer pitches and stands (the matrix's event has no call: 409); staff decide, moderate and read feedback.
        GET /api/events/{eventId}/calls                                                ok        ok  403        ok    ok    ok    ok
        PUT /api/events/{eventId}/calls                                                401       403 403        403   403   403   in
        GET /api/events/{eventId}/line-up                                              ok        ok  403        ok    ok    ok    ok
        POST /api/events/{eventId}/contributions                                       401       in  403        in    in    in    403
        GET /api/events/{eventId}/contributions                                        401       403 403        403   403   403   ok
        POST /api/events/{eventId}/contributions/{contributionId}/accept               401       403 403        403   403   403   in
        POST /api/events/{eventId}/contributions/{contributionId}/decline              401       403 403        403   403   403   in
        GET /api/events/{eventId}/questions                                            401       403 403        403   403   403   ok
        GET /api/events/{eventId}/questions/approved                                   401       403 403        403   403   403   ok
        POST /api/events/{eventId}/questions/{questionId}/approve                      401       403 403        403   403   403   in
        POST /api/events/{eventId}/questions/{questionId}/reject                       401       403 403        403   403   403   in
        GET /api/events/{eventId}/feedback                                             401       403 403        403   403   403   ok
        GET /api/events/{eventId}/feedback.csv                                         401       403 403        403   403   403   ok
        # A registration's follow-ups are its link holder's: questions, feedback and a certificate (the matrix's delegate was not checked in: 409), the delegate list (409 once a caller withdrew consent); anyone checks a certificate's code.
        GET /api/events/registrations/{token}/questions                                ok        ok  403        ok    ok    ok    ok
        POST /api/events/registrations/{token}/questions                               in        in  403        in    in    in    in
        GET /api/events/registrations/{token}/feedback                                 in        in  403        in    in    in    in
        PUT /api/events/registrations/{token}/feedback                                 in        in  403        in    in    in    in
        POST /api/events/registrations/{token}/certificate                             in        in  403        in    in    in    in
        GET /api/events/registrations/{token}/delegate-list                            in        in  403        in    in    in    in
        PUT /api/events/registrations/{token}/delegate-list/consent                    in        in  403        in    in    in    in
        GET /api/events/certificates/{code}                                            in        in  403        in    in    in    in

        # Volunteers: search and links public; /organisation/ is the caller's own organisation only (404 for another's things; staff use /staff/).
        GET /api/volunteers/applications/{token}                                       ok        ok  403        ok    ok    ok    ok
        GET /api/volunteers/applications/{token}/matches                               ok        ok  403        ok    ok    ok    ok
        POST /api/volunteers/applications/{token}/withdraw                             in        in  403        in    in    in    in
        GET /api/volunteers/check-ins/{token}                                          in        in  403        in    in    in    in
        POST /api/volunteers/check-ins/{token}                                         in        in  403        in    in    in    in
        GET /api/volunteers/organisation/applications                                  401       403 403        ok    ok    ok    403
        GET /api/volunteers/organisation/applications/{id}                             401       403 403        ok    404   404   403
        POST /api/volunteers/organisation/applications/{id}/stage                      401       403 403        in    404   404   403
        GET /api/volunteers/organisation/credentials/expiring                          401       403 403        ok    ok    ok    403
        GET /api/volunteers/organisation/hours                                         401       403 403        ok    ok    ok    403
        POST /api/volunteers/organisation/hours/{id}/approve                           401       403 403        in    404   404   403
        POST /api/volunteers/organisation/hours/{id}/reject                            401       403 403        in    404   404   403
        GET /api/volunteers/organisation/profile                                       401       403 403        ok    ok    in    403
        PUT /api/volunteers/organisation/profile                                       401       403 403        in    in    in    403
        GET /api/volunteers/organisation/retention                                     401       403 403        ok    ok    ok    403
        GET /api/volunteers/organisation/roles                                         401       403 403        ok    ok    ok    403
        POST /api/volunteers/organisation/roles                                        401       403 403        in    in    in    403
        GET /api/volunteers/organisation/roles/{id}                                    401       403 403        ok    404   404   403
        PUT /api/volunteers/organisation/roles/{id}                                    401       403 403        ok    404   404   403
        POST /api/volunteers/organisation/roles/{id}/close                             401       403 403        in    404   404   403
        POST /api/volunteers/organisation/roles/{id}/open                              401       403 403        in    404   404   403
        GET /api/volunteers/organisation/volunteers                                    401       403 403        ok    ok    ok    403
        GET /api/volunteers/organisation/volunteers/at-risk                            401       403 403        ok    ok    ok    403
        GET /api/volunteers/organisation/volunteers/{id}                               401       403 403        ok    404   404   403
        POST /api/volunteers/organisation/volunteers/{id}/hours                        401       403 403        in    404   404   403
        POST /api/volunteers/organisation/volunteers/{id}/leave                        401       403 403        in    404   404   403
        POST /api/volunteers/organisation/volunteers/{id}/pause                        401       403 403        in    404   404   403
        POST /api/volunteers/organisation/volunteers/{id}/resume                       401       403 403        in    404   404   403
        POST /api/volunteers/organisation/volunteers/{volunteerId}/credentials         401       403 403        ok    404   404   403
        PUT /api/volunteers/organisation/volunteers/{volunteerId}/credentials/{id}     401       403 403        ok    404   404   403
        GET /api/volunteers/roles                                                      ok        ok  403        ok    ok    ok    ok
        GET /api/volunteers/roles/{id}                                                 ok        ok  403        ok    ok    ok    ok
        POST /api/volunteers/roles/{roleId}/applications                               in        in  403        in    in    in    in
        GET /api/volunteers/staff/organisations                                        401       403 403        403   403   403   ok
        POST /api/volunteers/staff/organisations/{id}/approve                          401       403 403        403   403   403   in
        GET /api/volunteers/staff/overview                                             401       403 403        403   403   403   ok
        GET /api/volunteers/staff/retention                                            401       403 403        403   403   403   ok
        GET /api/volunteers/staff/volunteers/at-risk                                   401       403 403        403   403   403   ok
        GET /api/volunteers/volunteering/{token}                                       ok        ok  403        ok    ok    ok    ok
        POST /api/volunteers/volunteering/{token}/check-ins                            ok        ok  403        ok    ok    ok    ok
        GET /api/volunteers/volunteering/{token}/hours                                 ok        ok  403        ok    ok    ok    ok
        POST /api/volunteers/volunteering/{token}/hours                                in        in  403        in    in    in    in
        POST /api/volunteers/volunteering/{token}/leave                                ok        in  403        in    in    in    in
        GET /api/volunteers/volunteering/{token}/matches                               ok        ok  403        ok    ok    ok    ok
        POST /api/volunteers/volunteering/{token}/pause                                ok        ok  403        ok    ok    ok    ok
        POST /api/volunteers/volunteering/link-requests                                in        in  403        in    in    in    in

        # Awards: programmes and results public, figures for partners and staff; judging for a panel's members (404 off the panel); the rest staff's.
        GET /api/awards/categories/{categoryId}/judges                                 401       403 403        403   403   403   ok
        POST /api/awards/categories/{categoryId}/judges                                401       403 403        403   403   403   ok
        GET /api/awards/categories/{categoryId}/nominees                               401       403 403        403   403   403   ok
        GET /api/awards/categories/{categoryId}/progress                               401       403 403        403   403   403   ok
        GET /api/awards/categories/{categoryId}/ranking                                401       403 403        403   403   403   ok
        POST /api/awards/categories/{categoryId}/shortlist                             401       403 403        403   403   403   in
        POST /api/awards/categories/{categoryId}/winner                                401       403 403        403   403   403   in
        GET /api/awards/ceremony-events                                                401       403 403        403   403   403   ok
        GET /api/awards/judging/categories/{categoryId}/nominees                       401       403 403        404   404   ok    404
        POST /api/awards/judging/nominees/{nomineeId}/conflict                         401       403 403        404   404   404   404
        POST /api/awards/judging/nominees/{nomineeId}/scores                           401       403 403        404   404   404   404
        GET /api/awards/judging/panels                                                 401       403 403        ok    ok    ok    ok
        POST /api/awards/nominations/{id}/screening                                    401       403 403        403   403   403   in
        PUT /api/awards/nominees/{nomineeId}/contact                                   401       403 403        403   403   403   in
        DELETE /api/awards/nominations/{token}                                         ok        in  403        in    in    in    in
        GET /api/awards/nominations/{token}                                            ok        ok  403        ok    ok    ok    ok
        GET /api/awards/programmes                                                     ok        ok  403        ok    ok    ok    ok
        POST /api/awards/programmes                                                    401       403 403        403   403   403   in
        GET /api/awards/programmes/{id}                                                ok        ok  403        ok    ok    ok    ok
        POST /api/awards/programmes/{id}/categories                                    401       403 403        403   403   403   in
        GET /api/awards/programmes/{id}/figures                                        401       ok  403        403   403   403   ok
        GET /api/awards/programmes/{id}/results                                        ok        ok  403        ok    ok    ok    ok
        POST /api/awards/programmes/{programmeId}/announce                             401       403 403        403   403   403   in
        POST /api/awards/programmes/{programmeId}/nominations                          in        in  403        in    in    in    in
        GET /api/awards/programmes/{programmeId}/winners                               401       403 403        403   403   403   ok
        GET /api/awards/suggestions                                                    401       403 403        403   403   403   ok

        # Notifications: subscribing and links public; news and reports staff's. Looking up or erasing an address needs the staff
        # account's data-protection permission (scope notifications:subscribers), which the matrix's staff does not hold and no key can: 403.
        DELETE /api/notifications/manage/{token}                                       in        in  403        in    in    in    in
        GET /api/notifications/manage/{token}                                          in        in  403        in    in    in    in
        PUT /api/notifications/manage/{token}                                          in        in  403        in    in    in    in
        POST /api/notifications/manage/{token}/unsubscribe                             in        in  403        in    in    in    in
        GET /api/notifications/news                                                    401       403 403        403   403   403   ok
        POST /api/notifications/news                                                   401       403 403        403   403   403   in
        POST /api/notifications/news/preview                                           401       403 403        403   403   403   in
        GET /api/notifications/news/published                                          ok        ok  403        ok    ok    ok    ok
        GET /api/notifications/news/published/{id}                                     in        in  403        in    in    in    in
        GET /api/notifications/news/{id}                                               401       403 403        403   403   403   ok
        POST /api/notifications/news/{id}/publish                                      401       403 403        403   403   403   in
        GET /api/notifications/reports                                                 401       403 403        403   403   403   ok
        GET /api/notifications/subscribers/counts                                      401       403 403        403   403   403   ok
        POST /api/notifications/subscribers/erasures                                   401       403 403        403   403   403   403
        GET /api/notifications/subscribers/lookup                                      401       403 403        403   403   403   403
        POST /api/notifications/subscriptions                                          in        in  403        in    in    in    in
        GET /api/notifications/subscriptions/confirm                                   in        in  403        in    in    in    in
        POST /api/notifications/subscriptions/confirm                                  in        in  403        in    in    in    in
        GET /api/notifications/topics                                                  ok        ok  403        ok    ok    ok    ok
        GET /api/notifications/unsubscribe/{token}                                     in        in  403        in    in    in    in
        POST /api/notifications/unsubscribe/{token}                                    in        in  403        in    in    in    in

        # Partners (issue 18): an organisation's users manage the keys that act as it (a key issues no keys: 403). Webhooks are a
        # partner key's or an organisation's own (another's, or one nobody has, is 404); staff have no organisation: 403.
        GET /gateway/organisation/api-keys                                             401       403 403        ok    ok    ok    403
        POST /gateway/organisation/api-keys                                            401       403 403        in    in    in    403
        DELETE /gateway/organisation/api-keys/{id}                                     401       403 403        404   404   404   403
        GET /api/notifications/webhooks                                                401       ok  403        ok    ok    ok    403
        POST /api/notifications/webhooks                                               401       in  403        in    in    in    403
        GET /api/notifications/webhooks/event-types                                    401       ok  403        ok    ok    ok    403
        GET /api/notifications/webhooks/{id}                                           401       404 403        404   404   404   403
        DELETE /api/notifications/webhooks/{id}                                        401       404 403        404   404   404   403
        GET /api/notifications/webhooks/{id}/deliveries                                401       404 403        404   404   404   403
        POST /api/notifications/webhooks/{id}/deliveries/{deliveryId}/replay           401       404 403        404   404   404   403

        # Partners' data and workshops (issue 18's remainder): county figures for every reader (a partner key with the service's read
        # scope, organisation users, staff); an event's figures for the organisations that co-run it (the matrix's event is the office's,
        # with no partners: 404 but for staff); an organisation's own volunteering figures (the key's and the judge's organisations have
        # no volunteering profile: 404; staff must name one: 400). Staff name an event's partners; organisers withdraw a workshop.
        GET /api/events/figures/county                                                 401       ok  403        ok    ok    ok    ok
        GET /api/events/figures/events                                                 401       ok  403        ok    ok    ok    ok
        GET /api/events/figures/events/{eventId}                                       401       404 403        404   404   404   ok
        GET /api/events/{eventId}/partners                                             401       403 403        403   403   403   ok
        PUT /api/events/{eventId}/partners                                             401       403 403        403   403   403   in
        POST /api/events/{eventId}/sessions/{sessionId}/withdraw                       401       403 403        404   404   404   in
        GET /api/volunteers/figures/county                                             401       ok  403        ok    ok    ok    ok
        GET /api/volunteers/figures/organisation                                       401       404 403        ok    ok    404   in
        POST /gateway/organisation/api-keys/{id}/rotate                                401       403 403        404   404   404   403
        """;

    public static IReadOnlyDictionary<string, string[]> Rows()
    {
        var rows = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in Table.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(parts.Length == 2 + Columns.Length, $"a row needs a method, a path and {Columns.Length} cells: {line}");
            var key = $"{parts[0]} {parts[1]}";
            Assert.True(rows.TryAdd(key, parts[2..]), $"two rows for {key}");
            Assert.All(parts[2..], cell => Assert.True(cell is "ok" or "in" or "401" or "403" or "404", $"{key}: unknown cell '{cell}'"));
        }

        return rows;
    }

    public static bool Matches(string cell, int status) => status < 500 && cell switch
    {
        "ok" => status is >= 200 and < 300,
        "in" => status is not (401 or 403),
        _ => cell == status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>What the callers of one column got: "ok" for 2xx, otherwise the status (each caller's when they differ).</summary>
    public static string Describe(IReadOnlyList<int> statuses)
    {
        var cells = statuses.Select(s => s is >= 200 and < 300 ? "ok" : s.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return cells.Distinct().Count() == 1 ? cells[0] : string.Join('/', cells);
    }

    /// <summary>What was answered, in the table's layout, to judge against it.</summary>
    public static string Format(IReadOnlyDictionary<string, string[]> observed)
    {
        var text = new StringBuilder();
        foreach (var (key, cells) in observed.OrderBy(r => r.Key.Split(' ')[1], StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal))
            text.AppendLine($"{key,-78} {string.Join(' ', cells.Select((c, i) => c.PadRight(Columns[i].Length)))}");
        return text.ToString();
    }
}
