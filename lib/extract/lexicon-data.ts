// Word lists used by the entity and context rules. General English and geography only;
// nothing here names a company.

const set = (words: string): Set<string> => new Set(words.trim().split(/\s*\|\s*|\s*\n\s*/).filter(Boolean));

/** Capitalised function words and sentence openers: they break or start a name run. */
export const STOP_TOKENS = set(`
the|a|an|this|that|these|those|in|on|at|for|with|by|from|as|if|but|and|or|so|yet|while|when|whereas|after|before|since
although|though|despite|however|meanwhile|moreover|furthermore|also|still|then|now|here|there|it|its|he|she|they|we|you
i|our|their|his|her|my|your|what|which|who|whom|whose|why|how|where|some|many|most|all|any|each|every|no|not|one|two
three|four|five|six|seven|eight|nine|ten|first|second|third|last|next|both|either|neither|such|other|another|more|less
few|several|per|via|than|to|of|into|onto|over|under|about|above|below|between|among|across|through|during|without
within|against|toward|towards|upon|beyond|behind|alongside|including|according|is|are|was|were|be|been|has|have|had
do|does|did|will|would|can|could|should|may|might|must|shall|yes|unlike|like|amid|plus|even|just|only|perhaps|indeed
instead|thus|therefore|hence|overall|today|yesterday|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday
saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr
jun|jul|aug|sep|sept|oct|nov|dec|q1|q2|q3|q4|h1|h2|fy|key|source|sources|note|notes|update|updated|breaking|read|related
see|photo|image|images|video|watch|click|subscribe|share|tags|tag|topics|advertisement|sponsored|mr|mrs|ms|dr|sir|says
said|why|whether|because|until|unless|once|again|already|around|still|ever|never|always|often|soon|later|earlier|total
`);

/** Acronyms and generic capitalised terms that are never the organisation a figure is about. */
export const NON_ENTITY = set(`
ai|genai|agi|asi|ml|llm|llms|api|apis|ceo|ceos|cfo|cto|coo|cio|cmo|cpo|ipo|ipos|gpu|gpus|cpu|cpus|tpu|tpus|etf|etfs
saas|paas|iaas|yoy|qoq|mom|eps|arr|ebitda|ebit|gdp|cpi|vc|vcs|pe|lp|lps|gp|m&a|r&d|tv|pc|pcs|hq|pr|esg|ev|evs|roi|kpi|kpis
nft|nfts|b2b|b2c|faq|diy|usd|eur|gbp|jpy|cny|rmb|inr|rs|chf|gw|mw|tw|kw|gwh|mwh|twh|kwh|mhz|ghz|khz|ps|rp|rm|ksh|sr|sfr|dh|mwp|gwp|kwp|treasuries|treasurys|gilts|bunds|sofr|libor|euribor|sonia|bankruptcy court|secured overnight financing rate|phase|am|pm|cst|est|pst|pdt|edt|gmt|utc|et|pt|ok
big tech|generative ai|internet|web|series|round|inc|corp|ltd|llc|co|group|holdings|news|daily|weekly|monthly|blog|editor
reporter|breaking news|press release|artificial intelligence|machine learning|deep learning|the|quick takeaways
key details|ceo commentary|analyst view|what|why|how|faq|update|copyright|all rights reserved|privacy policy|terms
venture capital|private equity|hedge fund|hedge funds|sovereign wealth fund|dollar|dollars|euro|euros|billion|million|trillion|percent|stock|shares|nasdaq composite|s&p 500|dow jones industrial average
`);

/** Countries, regions, states and large cities: places are not subjects of business figures. */
export const PLACES = set(`
us|u.s|u.s.a|usa|united states|america|uk|u.k|united kingdom|britain|great britain|england|scotland|wales|ireland|eu|e.u
european union|europe|asia|africa|oceania|antarctica|north america|south america|latin america|middle east|asia-pacific
apac|emea|gulf|silicon valley|wall street|main street|washington|beijing|shanghai|shenzhen|hong kong|taipei|taiwan|china
japan|tokyo|korea|south korea|north korea|seoul|india|new delhi|delhi|mumbai|bangalore|bengaluru|singapore|indonesia
malaysia|thailand|vietnam|philippines|australia|sydney|melbourne|new zealand|canada|toronto|montreal|vancouver|mexico
brazil|argentina|chile|colombia|peru|germany|berlin|munich|france|paris|italy|rome|milan|spain|madrid|portugal|lisbon
netherlands|amsterdam|belgium|brussels|switzerland|zurich|geneva|austria|vienna|sweden|stockholm|norway|oslo|denmark
copenhagen|finland|helsinki|poland|warsaw|russia|moscow|ukraine|kyiv|turkey|istanbul|israel|tel aviv|jerusalem|iran
iraq|saudi arabia|riyadh|uae|united arab emirates|dubai|abu dhabi|qatar|doha|kuwait|bahrain|oman|egypt|cairo|nigeria
lagos|kenya|nairobi|south africa|johannesburg|cape town|pakistan|bangladesh|sri lanka|london|new york|new york city|nyc
jakarta|kuala lumpur|bangkok|manila|hanoi|ho chi minh city|karachi|lahore|dhaka|colombo|abuja|accra|ghana|addis ababa
ethiopia|casablanca|morocco|algeria|tunisia|lima|bogota|bogotá|buenos aires|sao paulo|são paulo|rio de janeiro|mexico city
monterrey|guadalajara|montevideo|uruguay|caracas|venezuela|quito|ecuador|panama|costa rica|dublin|edinburgh|manchester
frankfurt|hamburg|cologne|düsseldorf|dusseldorf|stuttgart|lyon|marseille|barcelona|valencia|turin|athens|greece|prague
czech republic|budapest|hungary|bucharest|romania|bulgaria|belgrade|serbia|zagreb|croatia|kazakhstan|almaty|astana
tashkent|baku|tbilisi|beirut|lebanon|amman|muscat|manama|osaka|nagoya|busan|incheon|guangzhou|chengdu|hangzhou|wuhan
tianjin|chongqing|nanjing|hefei|xiamen|macau|kolkata|chennai|hyderabad|pune|ahmedabad|perth|brisbane|adelaide|auckland
wellington|calgary|ottawa|edmonton|winnipeg|luxembourg|monaco|reykjavik|tallinn|estonia|riga|latvia|vilnius
lithuania|slovakia|slovenia|bratislava|ljubljana|cyprus|malta|haifa|sulawesi|sumatra|borneo|bali|ontario|quebec
british columbia|alberta|queensland|new south wales|western australia|scandinavia|west africa|east africa|southeast asia
americas|the americas|greater china|mainland china|asia pacific|rest of the world|middle east and africa|north asia|south asia
san francisco|los angeles|seattle|boston|chicago|austin|dallas|houston|miami|atlanta|denver|phoenix|las vegas|san jose
palo alto|menlo park|mountain view|cupertino|redmond|sunnyvale|santa clara|san diego|philadelphia|detroit|pittsburgh
alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho|illinois|indiana
iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska
nevada|new hampshire|new jersey|new mexico|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island
south carolina|south dakota|tennessee|texas|utah|vermont|virginia|west virginia|wisconsin|wyoming|global|world
ala|ariz|ark|calif|colo|conn|del|fla|ga|ill|ind|kan|kans|ky|la|md|mass|mich|minn|miss|mo|mont|neb|nev|n.h|n.j|n.m|n.y|n.c|n.d|okla|ore|pa|penn|r.i|s.c|s.d|tenn|tex|vt|va|wash|w.va|wis|wyo|d.c
`);

export const DEMONYMS = set(`
american|chinese|european|japanese|korean|south korean|indian|british|french|german|israeli|saudi|emirati|canadian
australian|russian|taiwanese|singaporean|swiss|dutch|swedish|italian|spanish|brazilian|mexican|asian|african|western
eastern|arab|irish|norwegian|danish|finnish|polish|turkish|iranian|ukrainian|vietnamese|thai|indonesian|malaysian
filipino|pakistani|nigerian|egyptian|qatari|kuwaiti|latin|nordic|belgian|austrian|portuguese|greek|scottish|welsh
`);

/** Job titles and honorifics: the capitalised words after one are a person's name. */
export const ROLE_WORDS = set(`
ceo|cfo|cto|coo|cio|cmo|cpo|chief|president|chairman|chairwoman|chair|founder|co-founder|cofounder|director|analyst
minister|secretary|senator|sen|governor|gov|reporter|editor|executive|vp|vice|head|spokesperson|spokesman|spokeswoman
economist|strategist|professor|prof|dr|mr|mrs|ms|sir|dame|lord|judge|rep|representative|commissioner|chancellor|premier
mayor|king|queen|prince|princess|pope|author|columnist|correspondent|admiral|officer|manager
`);

/** A multi-word name ending in one of these is an organisation ("Menlo Ventures"). */
export const ORG_SUFFIX_WORDS = set(`
inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc|ag|sa|se|nv|gmbh|group|holdings|capital|ventures
partners|management|bank|technologies|technology|labs|laboratories|systems|institute|agency|fund|funds|investments
securities|financial|motors|energy|airlines|pharmaceuticals|pharma|media|networks|semiconductor|semiconductors|robotics
therapeutics|industries|associates|advisors|advisers|foundation|international|software|electronics
ministry|department|commission|council|authority|administration|bureau|exchange
university|college|association|society|trust|bancorp|communications|telecom|entertainment|studios|pictures|brands
healthcare|biosciences|services|journal|times|post|ai|health|motor|automotive|mobility|payments|pay|insurance|logistics
mining|resources|petroleum|steel|chemicals|materials|devices|instruments|solutions|aerospace|defense|defence|biotech
bio|medical|sciences|life sciences
`);

/** Trailing words dropped by entityKey so that "Nvidia Corp." groups with "NVIDIA". */
export const LEGAL_SUFFIXES = set(`
inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc|lp|llp|ag|sa|se|nv|bv|gmbh|spa|srl|oy|oyj|ab|asa|pte
pty|kk|kg|sas|sarl|group|holdings|holding|ai
`);

export const PREPOSITIONS = set(`
of|in|into|to|from|by|with|for|at|on|about|against|than|as|via|like|including|among|amongst|across|over|under|beyond
alongside|behind|between|through|toward|towards|versus|vs|per|after|before|during|without|within|onto|upon|around|near
despite|plus|unlike|amid|besides|except|inside|outside|throughout
`);

export const DETERMINERS = set(`the|a|an|its|their|his|her|our|my|your|this|that|these|those|each|every|any|some|no`);

export const AUX_WORDS = set(`
is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|can|could|should|may|might|must|shall|said|says|say
also|now|then|not|and|or|but|which|who|that|to
`);

export const REPORTING_VERBS = set(`
said|says|reported|reports|noted|notes|wrote|writes|told|tells|estimated|estimates|described|describes|cited|cites
found|predicted|predicts|warned|warns|argued|argues|claimed|claims|stated|states|added|adds|reckons|calculated
calculates|reporting|according|observed|observes|concluded|concludes
`);

/**
 * Common nouns and adverbs that open sentences in business news without a determiner.
 * A sentence-initial capitalised word is taken for a name only if it is not one of these
 * and its lowercase form never appears in the article.
 */
export const COMMON_OPENERS = set(`
revenue|revenues|sales|shares|share|stock|stocks|investors|investor|analysts|analyst|profit|profits|earnings|growth
demand|supply|funding|capital|valuation|valuations|markets|market|prices|price|costs|cost|spending|users|customers
employees|staff|workers|regulators|critics|officials|executives|experts|economists|consumers|companies|startups|banks
lenders|traders|rivals|competitors|partners|founders|engineers|researchers|data|details|deals|deal|terms|talks|plans
reports|report|results|figures|numbers|estimates|analysis|background|context|elsewhere|separately|additionally|notably
importantly|previously|currently|recently|finally|overall|investment|investments|infrastructure|compute|energy|power
chips|models|model|products|product|software|hardware|cloud|services|service|technology|tech|government|governments
policy|regulation|inflation|rates|interest|debt|cash|margins|losses|income|operations|management|leadership|strategy
competition|pressure|concerns|risks|risk|opportunity|opportunities|yesterday|today|tomorrow|earlier|later|still|also
despite|amid|following|according|under|beyond|sources|people|experts|observers|insiders|industry|sector|shareholders
bonds|yields|futures|oil|gold|bitcoin|crypto|housing|jobs|unemployment|wages|trade|tariffs|exports|imports|profitability
subscriptions|subscribers|downloads|traffic|adoption|usage|access|security|privacy|safety|research|development|innovation
details|structure|background|concerns|impact|implications|highlights|takeaways|takeaway|significance|trajectory|scope
releases|drivers|view|views|commentary|dynamics|momentum|summary|overview|outlook|update|updates|trends|observations
consensus|verdict|bottom|line|facts|figures|timeline|milestones|sources|note|editor|disclaimer|correction|caption
gross|online|operational|comparable|foreign|rival|overseas
venture|ventures|mortgage|mortgages|lending|loans|deposits|assets|dividends|bookings|orders|deliveries|shipments|advertising|streaming
gaming|retail|wholesale|manufacturing|construction|payments|premiums|claims|volumes|inventory|guidance|forecast
proceeds|output|production|capacity|utilisation|utilization|occupancy|attendance|ridership|turnover|throughput|backlog
headcount|workforce|payroll|coupon|expenditure|expenses|savings|synergies|fees|commissions|royalties|fares|viewership
shareholder|meeting|meetings|approval|approvals|completion|integration
`);

/** Adjectives, imperatives and other words that open sentences but never name a company alone. */
export const COMMON_WORDS = set(`
new|old|big|small|large|major|senior|junior|separate|outside|inside|pair|take|make|let|consider|imagine|note|remember
look|see|get|put|keep|give|find|think|check|read|watch|learn|try|ask|tell|stay|join|follow|sign|more|less|most|best
top|high|low|early|late|global|local|national|public|private|strong|weak|main|full|half|recent|current|former|future
past|final|open|close|free|real|true|false|good|bad|great|little|own|same|different|similar|certain|various|whole
entire|rather|quite|very|much|record|historic|massive|huge|fresh|latest|initial|additional|potential|possible|likely
unlike|given|thanks|instead|yet|nor|either|everything|nothing|something|anything|everyone|someone|nobody|here|there
why|how|what|when|where|who|which|while|whether|whatever|whoever|combined|single|double|triple|multiple|several
`);

/** Sectors and groups that can be the subject of market-wide figures ("Big Tech capex", "funding for generative AI"). */
export const SECTOR_WORDS =
  "Big Tech|[Hh]yperscalers|[Gg]enerative AI|GenAI|[Cc]hipmakers|[Aa]utomakers|[Cc]armakers|[Ff]intechs?|[Bb]iotechs?|AI start-?ups";
