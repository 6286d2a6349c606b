from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.application_page import ApplicationPage
from ...models.error import Error
from ...models.get_v1_financing_applications_status_type_1 import GetV1FinancingApplicationsStatusType1
from ...models.get_v1_financing_applications_status_type_2_type_1 import GetV1FinancingApplicationsStatusType2Type1
from ...models.get_v1_financing_applications_status_type_3_type_1 import GetV1FinancingApplicationsStatusType3Type1
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    status: GetV1FinancingApplicationsStatusType1 | GetV1FinancingApplicationsStatusType2Type1 | GetV1FinancingApplicationsStatusType3Type1 | None | Unset = UNSET,
    institution_id: None | str | Unset = UNSET,
    buyer_id: None | str | Unset = UNSET,
    merchant_id: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, GetV1FinancingApplicationsStatusType1):
        json_status = status.value
    elif isinstance(status, GetV1FinancingApplicationsStatusType2Type1):
        json_status = status.value
    elif isinstance(status, GetV1FinancingApplicationsStatusType3Type1):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_institution_id: None | str | Unset
    if isinstance(institution_id, Unset):
        json_institution_id = UNSET
    else:
        json_institution_id = institution_id
    params["institution_id"] = json_institution_id

    json_buyer_id: None | str | Unset
    if isinstance(buyer_id, Unset):
        json_buyer_id = UNSET
    else:
        json_buyer_id = buyer_id
    params["buyer_id"] = json_buyer_id

    json_merchant_id: None | str | Unset
    if isinstance(merchant_id, Unset):
        json_merchant_id = UNSET
    else:
        json_merchant_id = merchant_id
    params["merchant_id"] = json_merchant_id


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/financing/applications",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ApplicationPage | Error:
    if response.status_code == 200:
        response_200 = ApplicationPage.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())



        return response_503

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ApplicationPage | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    status: GetV1FinancingApplicationsStatusType1 | GetV1FinancingApplicationsStatusType2Type1 | GetV1FinancingApplicationsStatusType3Type1 | None | Unset = UNSET,
    institution_id: None | str | Unset = UNSET,
    buyer_id: None | str | Unset = UNSET,
    merchant_id: None | str | Unset = UNSET,

) -> Response[ApplicationPage | Error]:
    """ List financing applications by status, institution, buyer or merchant

     Merchant keys see their own merchant's, member keys their own.

    Args:
        limit (int | Unset):  Default: 50. Example: 50.
        cursor (None | str | Unset):
        status (GetV1FinancingApplicationsStatusType1 | GetV1FinancingApplicationsStatusType2Type1
            | GetV1FinancingApplicationsStatusType3Type1 | None | Unset):
        institution_id (None | str | Unset):
        buyer_id (None | str | Unset):
        merchant_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApplicationPage | Error]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
status=status,
institution_id=institution_id,
buyer_id=buyer_id,
merchant_id=merchant_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    status: GetV1FinancingApplicationsStatusType1 | GetV1FinancingApplicationsStatusType2Type1 | GetV1FinancingApplicationsStatusType3Type1 | None | Unset = UNSET,
    institution_id: None | str | Unset = UNSET,
    buyer_id: None | str | Unset = UNSET,
    merchant_id: None | str | Unset = UNSET,

) -> ApplicationPage | Error | None:
    """ List financing applications by status, institution, buyer or merchant

     Merchant keys see their own merchant's, member keys their own.

    Args:
        limit (int | Unset):  Default: 50. Example: 50.
        cursor (None | str | Unset):
        status (GetV1FinancingApplicationsStatusType1 | GetV1FinancingApplicationsStatusType2Type1
            | GetV1FinancingApplicationsStatusType3Type1 | None | Unset):
        institution_id (None | str | Unset):
        buyer_id (None | str | Unset):
        merchant_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApplicationPage | Error
     """


    return sync_detailed(
        client=client,
limit=limit,
cursor=cursor,
status=status,
institution_id=institution_id,
buyer_id=buyer_id,
merchant_id=merchant_id,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    status: GetV1FinancingApplicationsStatusType1 | GetV1FinancingApplicationsStatusType2Type1 | GetV1FinancingApplicationsStatusType3Type1 | None | Unset = UNSET,
    institution_id: None | str | Unset = UNSET,
    buyer_id: None | str | Unset = UNSET,
    merchant_id: None | str | Unset = UNSET,

) -> Response[ApplicationPage | Error]:
    """ List financing applications by status, institution, buyer or merchant

     Merchant keys see their own merchant's, member keys their own.

    Args:
        limit (int | Unset):  Default: 50. Example: 50.
        cursor (None | str | Unset):
        status (GetV1FinancingApplicationsStatusType1 | GetV1FinancingApplicationsStatusType2Type1
            | GetV1FinancingApplicationsStatusType3Type1 | None | Unset):
        institution_id (None | str | Unset):
        buyer_id (None | str | Unset):
        merchant_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApplicationPage | Error]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
status=status,
institution_id=institution_id,
buyer_id=buyer_id,
merchant_id=merchant_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    status: GetV1FinancingApplicationsStatusType1 | GetV1FinancingApplicationsStatusType2Type1 | GetV1FinancingApplicationsStatusType3Type1 | None | Unset = UNSET,
    institution_id: None | str | Unset = UNSET,
    buyer_id: None | str | Unset = UNSET,
    merchant_id: None | str | Unset = UNSET,

) -> ApplicationPage | Error | None:
    """ List financing applications by status, institution, buyer or merchant

     Merchant keys see their own merchant's, member keys their own.

    Args:
        limit (int | Unset):  Default: 50. Example: 50.
        cursor (None | str | Unset):
        status (GetV1FinancingApplicationsStatusType1 | GetV1FinancingApplicationsStatusType2Type1
            | GetV1FinancingApplicationsStatusType3Type1 | None | Unset):
        institution_id (None | str | Unset):
        buyer_id (None | str | Unset):
        merchant_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApplicationPage | Error
     """


    return (await asyncio_detailed(
        client=client,
limit=limit,
cursor=cursor,
status=status,
institution_id=institution_id,
buyer_id=buyer_id,
merchant_id=merchant_id,

    )).parsed
