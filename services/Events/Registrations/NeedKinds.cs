namespace Platform.Events.Registrations;

/// <summary>
/// The access needs a venue plans for, picked from a fixed list so a report can count them; anything else goes in the
/// free text (<see cref="Registration.AccessibilityNeeds"/>), which the venue still gets.
/// </summary>
public enum AccessNeed { StepFreeAccess, WheelchairSpace, HearingLoop, SignLanguageInterpreter, LargePrint, QuietSpace, AssistanceDog, Other }

/// <summary>Dietary requirements the caterer counts; details go in the free text (<see cref="Registration.DietaryNeeds"/>).</summary>
public enum DietaryRequirement { Vegetarian, Vegan, Halal, Kosher, GlutenFree, DairyFree, NutAllergy, Other }
