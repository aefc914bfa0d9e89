"""The words and patterns names are read by: stop words, particles, role nouns.

One list a rule reads, shared by discovery, mentions and descriptors, so a word added
for one (a team, a place, a role) counts for all of them.
"""

from __future__ import annotations

import re

from bot.hearing_bodies import LOWER_CASE_BODIES
from bot.ingest.text import Caseless

__all__ = ["NATIONALITY_NOUNS", "ROLE_NOUN"]


def _words(text: str) -> frozenset[str]:
    """Read a whitespace-separated word list (long lists stay readable as prose)."""
    return frozenset(text.split())


# Capitalised words that are never part of a person's name: teams, places, racing terms,
# platforms, calendar words, and the words of the hearing bodies the press names
# ("Stewards", "Appeals Panel": ``LOWER_CASE_BODIES``). Surnames that double as team names
# (Williams, Jordan) are left out on purpose: "Claire Williams" is a person.
_STOP = _words(
    """
    Grand Prix Formula One Team Racing Motorsport Motorsports Mercedes Ferrari McLaren Alpine
    Global Autosport Corse Gazoo Lenovo Petronas Aramco Oracle Repsol Pramac MoneyGram
    Renault Haas Sauber Alfa Romeo AlphaTauri Toro Rosso Aston Bull Red Honda Audi Cadillac
    Arrows Silver Safety Car Virtual Race Control Championship Championships World Constructors
    Drivers Sky Sports Instagram Twitter Facebook TikTok YouTube Netflix Drive Survive Circuit
    Ring Park Street Speedway Raceway International Autodromo Autódromo Turn Lap Pit Lane
    Paddock Sprint Qualifying Practice Free Academy Cup Series
    Le Mans Daytona Indianapolis Indy IndyCar MotoGP Dakar Rally Press Association News Times
    Telegraph
    Guardian Mail Herald Post Express Sun Reuters Motorsport.com Autosport Radio Television
    January February March April June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Weekend
    Italian British Finnish Dutch German French Spanish Mexican Australian Monegasque Canadian
    Japanese Chinese Thai Danish American Brazilian Belgian Austrian Hungarian Portuguese
    Russian Swiss Swedish Polish Argentine Argentinian English Scottish Welsh Irish Zealander
    Finn Dutchman Briton Brit Spaniard Frenchman Englishman Scot Dane Swede Kiwi Aussie
    Italy Britain Great England Portugal Spain Monaco Belgium Hungary Austria Netherlands
    Holland Germany France Mexico Canada Japan China Bahrain Saudi Arabia Qatar Abu Dhabi
    Singapore Australia Azerbaijan Baku Miami Vegas Las Brazil Interlagos Sao São Paulo Imola
    Monza Silverstone Spa Francorchamps Zandvoort Suzuka Melbourne Jeddah Emilia Romagna
    Portimao Portimão Barcelona Catalunya Montreal Montréal Hungaroring Budapest Sochi
    Istanbul Turkey Styria Styrian Yas Marina Losail Lusail Austin Texas America Americas
    United States Kingdom Europe European Eifel Tuscan Mugello Nurburgring Nürburgring Sakhir
    Shanghai Albert Gilles Villeneuve Marina Bay Red Sea Valencia Hockenheim Sepang Korea
    Korean Indian India Vietnam Russia Malaysia Malaysian Paris London Rome Milan Madrid
    City FIA FOM Liberty Media Pirelli Monte Carlo Ricard Castellet Rivage Beau Massenet
    Gazzetta Corriere Tuttosport Autosprint Marca Bild Blick Zeitung Speedweek Telegraaf
    Algemeen Dagblad Sanomat Viaplay Movistar DAZN ESPN Equipe Équipe L'Equipe L'Équipe Sport
    Auto Motor Mundo Deportivo Canal Ziggo ServusTV
    Porsche Toyota Hyundai Chevrolet Peugeot Lamborghini BMW Lexus Corvette Acura Nissan Mazda
    Maserati Ducati Yamaha Aprilia KTM Kawasaki Subaru Skoda Citroen Citroën Bentley Dallara
    Ligier Oreca Stage Stages Shakedown Triple
    Ford Hours Carolina Dakota Virginia Tennessee Florida Ohio Michigan Indiana Wisconsin
    California Arizona Nevada Alabama Kentucky Pennsylvania Iowa Kansas Oklahoma Louisiana
    """
) | frozenset(word.capitalize() for name in LOWER_CASE_BODIES for word in name.split())
# (The last lines: makers, whose names make team names of people's ("Porsche Penske",
# "Manthey Porsche", "Penske Ford"), rally and race words that open or close a thing's name
# ("Power Stage", "Triple Eight", "the Twelve Hours of Sebring") and the states a place
# name ends with ("Charlotte, North Carolina"); none is anyone's name.)
# Capitalised words that start sentences or are titles; dropped from the front of a name.
_COMMON = _words(
    """
    The A An And But Or So After Before When While Whereas Although Though As At In On Of For
    From To With Without By It He She They We I You His Her Their Its Our My Your This That
    These Those There Here Both Meanwhile However Speaking Asked Yesterday Today Tomorrow Last
    Next Now Then Later Earlier Despite Following During Since Until If Yet Still Even Only
    Also Just Not No Yes Instead Indeed Sir Dame Mr Mrs Ms Dr Lord Lady Overall Elsewhere
    Behind Ahead Up Down Out Over Under Into Onto Upon Within Where What Who Why How Which
    Whose Whom Some Any Every Each Many Much More Most Few Several All Another Other Such
    Having Being Thanks Perhaps Maybe Although Once Twice Again Back Away Along Across Around
    Through Throughout Against Among Between Beyond Unlike Like Except Besides Regardless
    Former Current Reigning Fellow Rival Rookie Veteran Young Old New Team-mate Teammate Team
    Champion Defending
    Afterwards Afterward Eventually Ultimately Initially Finally Subsequently Soon
    Shortly Immediately Lately Recently Previously Originally Naturally Clearly
    Unsurprisingly Surprisingly Predictably Inevitably Fortunately Unfortunately Luckily
    Sadly Thankfully Similarly Likewise Nevertheless Nonetheless Moreover Furthermore
    Additionally Otherwise Therefore Thus Hence Apparently Reportedly Allegedly Notably
    Crucially Ironically Frankly Briefly Typically Understandably
    North South East West Northern Southern Eastern Western
    """
)
_PARTICLES = frozenset(
    {"de", "van", "von", "der", "den", "da", "di", "del", "la", "le", "du", "ter"}
)
_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV", "Junior"})
#: Words that end a team's name ("Meyer Shank Racing"): the names before them are its own.
_ORGANISATION_END = frozenset({"Racing", "Motorsport", "Motorsports", "Autosport", "Corse"})
#: Words that end the name of a place or a thing, never a person's ("Methodist Hospital",
#: "Casino Square", "Attack Mode").
_THING_END = _words(
    """
    Hospital Clinic Centre Center University College Stadium Arena Square Hotel Mode Foundation
    Academy Avenue Tunnel Hairpin Chicane Esses
    Motors Logistics Energy Group Holdings Industries Airlines Airways Bank Technologies
    Systems Insurance Wire
    """
)
_PLACE_AFTER = frozenset({"GP", "Grand", "Prix", "Circuit", "Raceway", "Speedway", "Ring"})
#: Words after a capitalised phrase that make it the title of a show or a post ("on his
#: Happy Hour podcast", "in her Pit Lane Diary column"), when a possessive or an article
#: stands before it: a title, never a person.
_TITLE_AFTER = _words(
    """
    podcast podcasts show column columns programme program newsletter documentary channel
    blog vlog episode episodes
    """
)
#: Words before such a title: whose show it is, or "the".
_TITLE_BEFORE = frozenset({"his", "her", "their", "its", "our", "my", "your", "the", "a", "an"})
_PREPOSITIONS = _words(
    """
    about to with of for against on at from towards toward over behind ahead after before than
    by into onto past beside alongside under beneath between among around near like unlike
    despite without ahead of including
    """
)

_LETTER = re.compile(r"[^\W\d_]")
_POSSESSIVE_AFTER = re.compile(r"['’](?:s\b|\s|$)")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*(?:['’]s?)?")
_POSSESSIVE = re.compile(r"['’]s?$")
#: (The lookahead, a match's first letter, lets the scan pass over every other position
#: before the word-boundary test: a third faster, the same matches.)
_PRONOUN = re.compile(r"(?=[hst])\b(he|she|they)\b", re.IGNORECASE)
NATIONALITY_NOUNS = (
    "Finn|Dutchman|Briton|Brit|Spaniard|Frenchman|German|Mexican|Australian|Monegasque|"
    "Canadian|Thai|Dane|Japanese|Chinese|Italian|Brazilian|Belgian|Austrian|American|"
    "Englishman|Scot|Swede|Swiss|Pole|Kiwi|New Zealander|Argentine|Argentinian|Russian|"
    "Portuguese|Aussie|Welshman|Irishman|Hungarian|Pole"
)
_ROLE_NOUNS = (
    "driver|rider|star|boss|racer|champion|rookie|veteran|youngster|team-?mate|principal|chief|ace|"
    "pilot|spokes(?:man|woman|person)|engineer|mechanic|insider|source|official|steward|fan|"
    "observer|pundit|commentator|executive|director|manager|owner|CEO|gun|man|woman"
)
_FILLER = r"(?:(?!(?:and|or|but|of|to|with|for|in|on|at|by)\b)[\w'’.-]+\s+)"
# References to someone the text does not name here: they block guessing, never name anyone.
# ("the championship leader" is one, but "leader" is no role a descriptor gives: "Championship
# leader Broc Feeney" has no team "Championship".)
#: (The lookahead is the first letter of every alternative, "the", "a", "an", "one",
#: "another": the scan tests it first, a third faster; an alternative starting with
#: another letter must add that letter to it. Caseless: lower-case text, a third faster.)
_UNKNOWN = Caseless(
    rf"(?=[tao])\b(?:the\s+\d{{1,2}}-year-old|the\s+(?:{NATIONALITY_NOUNS})\b"
    rf"|(?:the|a|an|one|another)\s+{_FILLER}{{0,3}}?(?:{_ROLE_NOUNS}|leader)\b)"
)
ROLE_NOUN = re.compile(rf"^(?:{_ROLE_NOUNS})$", re.IGNORECASE)
