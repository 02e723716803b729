/*
 * Seguito read/ensure services (see servicedef/services.xml). OFBiz compiles this script at run time;
 * no build step is needed. Written against the OFBiz 22.01+ Groovy service DSL.
 */
package dev.seguito.ofbiz

import org.apache.ofbiz.base.util.UtilDateTime

def seguitoPing() {
    Map result = success()
    // 0.2.0: partyAttributes in the snapshot, seguitoRemovePartyAttribute; 0.3.0: the about note, seguitoSetPartyAbout
    result.componentVersion = '0.3.0'
    result.userLoginId = userLogin?.userLoginId
    boolean seeded = from('DataSource').where('dataSourceId', 'SEGUITO_LINKEDIN').queryOne() != null &&
            from('CommunicationEventType').where('communicationEventTypeId', 'SEGUITO_LINKEDIN_MSG').queryOne() != null
    result.seedDataPresent = seeded ? 'Y' : 'N'
    return result
}

def seguitoEnsureSeedData() {
    List created = []
    Closure ensure = { String entityName, Map pk, Map fields ->
        if (from(entityName).where(pk).queryOne() == null) {
            delegator.create(delegator.makeValue(entityName, pk + fields))
            created << "${entityName}:${pk.values().join(',')}".toString()
        }
    }
    ensure('DataSourceType', [dataSourceTypeId: 'SEGUITO_CAPTURE'], [description: 'Captured by Seguito'])
    ensure('DataSource', [dataSourceId: 'SEGUITO_LINKEDIN'], [dataSourceTypeId: 'SEGUITO_CAPTURE', description: 'LinkedIn capture'])
    ensure('DataSource', [dataSourceId: 'SEGUITO_EMAIL'], [dataSourceTypeId: 'SEGUITO_CAPTURE', description: 'Email capture'])
    ensure('DataSource', [dataSourceId: 'SEGUITO_MANUAL'], [dataSourceTypeId: 'SEGUITO_CAPTURE', description: 'Seguito manual entry'])
    ensure('CommunicationEventType', [communicationEventTypeId: 'SEGUITO_LINKEDIN_MSG'],
            [parentTypeId: 'WEB_SITE_COMMUNICATI', description: 'LinkedIn message', hasTable: 'N', contactMechTypeId: 'WEB_ADDRESS'])
    ensure('CommunicationEventType', [communicationEventTypeId: 'SEGUITO_LI_CONNECT'],
            [parentTypeId: 'WEB_SITE_COMMUNICATI', description: 'LinkedIn connection', hasTable: 'N', contactMechTypeId: 'WEB_ADDRESS'])
    ensure('CommunicationEventType', [communicationEventTypeId: 'SEGUITO_REFERRAL_OUT'], [description: 'Referral given', hasTable: 'N'])
    ensure('CommunicationEventType', [communicationEventTypeId: 'SEGUITO_REFERRAL_IN'], [description: 'Referral received', hasTable: 'N'])
    Map result = success()
    result.created = created
    return result
}

def seguitoGetPartySnapshot() {
    Map result = success()
    def party = from('Party').where('externalId', parameters.externalId).queryFirst()
    if (party == null) {
        return result
    }
    String partyId = party.partyId
    result.partyId = partyId
    result.partyTypeId = party.partyTypeId
    result.statusId = party.statusId
    def person = from('Person').where('partyId', partyId).queryOne()
    if (person) {
        result.firstName = person.firstName
        result.lastName = person.lastName
        result.occupation = person.occupation
    }
    def group = from('PartyGroup').where('partyId', partyId).queryOne()
    if (group) {
        result.groupName = group.groupName
    }
    result.roleTypeIds = from('PartyRole').where('partyId', partyId).queryList()*.roleTypeId

    List contactMechs = []
    from('PartyContactMech').where('partyId', partyId).filterByDate().queryList().each { pcm ->
        def cm = from('ContactMech').where('contactMechId', pcm.contactMechId).queryOne()
        Map entry = [contactMechId: cm.contactMechId, contactMechTypeId: cm.contactMechTypeId, infoString: cm.infoString]
        def tel = from('TelecomNumber').where('contactMechId', cm.contactMechId).queryOne()
        if (tel) {
            entry.countryCode = tel.countryCode
            entry.areaCode = tel.areaCode
            entry.contactNumber = tel.contactNumber
        }
        entry.purposes = from('PartyContactMechPurpose')
                .where('partyId', partyId, 'contactMechId', cm.contactMechId).filterByDate().queryList()*.contactMechPurposeTypeId
        contactMechs << entry
    }
    result.contactMechs = contactMechs

    result.employments = from('PartyRelationship')
            .where('partyIdTo', partyId, 'partyRelationshipTypeId', 'EMPLOYMENT').filterByDate().queryList()
            .collect { rel ->
                [partyIdFrom: rel.partyIdFrom, roleTypeIdFrom: rel.roleTypeIdFrom, partyIdTo: rel.partyIdTo,
                 roleTypeIdTo: rel.roleTypeIdTo, fromDate: rel.fromDate.time, positionTitle: rel.positionTitle]
            }
    result.dataSourceIds = from('PartyDataSource').where('partyId', partyId).queryList()*.dataSourceId
    result.captureSourceIds = from('SeguitoCaptureSource').where('partyId', partyId).queryList()*.captureSourceId
    result.partyAttributes = from('PartyAttribute').where('partyId', partyId).queryList()
            .findAll { it.attrName.startsWith('SEGUITO_') }
            .collectEntries { [(it.attrName): it.attrValue] }
    result.about = aboutNote(partyId)?.noteInfo
    return result
}

/** The party's SEGUITO_ABOUT note (PartyNoteView: PartyNote joined with NoteData), or null. */
private def aboutNote(String partyId) {
    return from('PartyNoteView').where('targetPartyId', partyId, 'noteName', 'SEGUITO_ABOUT').queryFirst()
}

def seguitoSetPartyAbout() {
    String partyId = parameters.partyId
    if (from('Party').where('partyId', partyId).queryOne() == null) {
        return error("Party ${partyId} does not exist")
    }
    def note = aboutNote(partyId)
    String about = parameters.about
    if (!about) {
        if (note != null) {
            from('PartyNote').where('partyId', partyId, 'noteId', note.noteId).queryOne()?.remove()
            from('NoteData').where('noteId', note.noteId).queryOne()?.remove()
        }
        return success()
    }
    if (note != null) {
        def data = from('NoteData').where('noteId', note.noteId).queryOne()
        if (data.noteInfo != about) {
            data.noteInfo = about
            data.noteDateTime = UtilDateTime.nowTimestamp()
            data.store()
        }
        return success()
    }
    String noteId = delegator.getNextSeqId('NoteData')
    delegator.create('NoteData', [noteId: noteId, noteName: 'SEGUITO_ABOUT', noteInfo: about,
                                  noteDateTime: UtilDateTime.nowTimestamp(), noteParty: userLogin?.partyId])
    delegator.create('PartyNote', [partyId: partyId, noteId: noteId])
    return success()
}

def seguitoRemovePartyAttribute() {
    if (!parameters.attrName.startsWith('SEGUITO_')) {
        return error("Only Seguito's own attributes (SEGUITO_*) can be removed this way, not ${parameters.attrName}")
    }
    def attribute = from('PartyAttribute').where('partyId', parameters.partyId, 'attrName', parameters.attrName).queryOne()
    if (attribute != null) {
        attribute.remove()
    }
    return success()
}

def seguitoFindCommunicationEvent() {
    Map result = success()
    def event = null
    if (parameters.communicationEventId) {
        event = from('CommunicationEvent').where('communicationEventId', parameters.communicationEventId).queryOne()
    }
    if (event == null && parameters.messageId) {
        event = from('CommunicationEvent').where('messageId', parameters.messageId).queryFirst()
    }
    result.communicationEventId = event?.communicationEventId
    return result
}
